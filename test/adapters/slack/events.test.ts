import { describe, expect, it } from 'vitest'
import {
  looksLikeQuestion,
  type SlackMessageEvent,
  type TriggerEnv,
  triggerFromMention,
  triggerFromMessage,
} from '../../../adapters/slack/events.js'

const BOT = 'UBOT'
function env(conversations: string[] = []): TriggerEnv {
  return { botUserId: BOT, qaChannels: new Set(['CQA']), hasConversation: (k) => conversations.includes(k) }
}
function msg(fields: Partial<SlackMessageEvent>): SlackMessageEvent {
  return {
    type: 'message',
    user: 'U1',
    text: '',
    channel: 'CQA',
    channel_type: 'channel',
    ts: '100.1',
    ...fields,
  }
}

describe('looksLikeQuestion', () => {
  it.each([
    '1차 결과는?',
    '누가 탈락했어',
    '업스테이지 모델 이름이 뭐야',
    '2차 평가는 언제 해',
    '왜 떨어졌지',
    '몇 팀이 남았어',
    '결과 나왔나요',
    'who was eliminated',
    'Is LG still in',
    'tell me about Upstage',
  ])('says yes to %j', (text) => {
    expect(looksLikeQuestion(text)).toBe(true)
  })

  it.each(['좋은 아침입니다', '점심 먹으러 갑시다', 'this is great', 'lunch at noon', ''])(
    'says no to %j',
    (text) => {
      expect(looksLikeQuestion(text)).toBe(false)
    },
  )
})

describe('triggerFromMessage', () => {
  it('answers a top-level question in a Q&A channel in its thread', () => {
    expect(triggerFromMessage(msg({ text: '1차 결과는?' }), env())).toEqual({
      question: '1차 결과는?',
      channel: 'CQA',
      user: 'U1',
      replyThreadTs: '100.1',
      contextKey: 'CQA:100.1',
    })
  })

  it('ignores non-questions, other channels, bots, itself and every subtype', () => {
    expect(triggerFromMessage(msg({ text: '좋은 아침입니다' }), env())).toBeUndefined()
    expect(triggerFromMessage(msg({ text: '1차 결과는?', channel: 'COTHER' }), env())).toBeUndefined()
    expect(triggerFromMessage(msg({ text: '1차 결과는?', bot_id: 'B9' }), env())).toBeUndefined()
    expect(triggerFromMessage(msg({ text: '1차 결과는?', user: BOT }), env())).toBeUndefined()
    for (const subtype of [
      'message_changed',
      'channel_join',
      'bot_message',
      'thread_broadcast',
      'message_deleted',
    ]) {
      expect(triggerFromMessage(msg({ text: '1차 결과는?', subtype }), env())).toBeUndefined()
    }
  })

  it('leaves channel messages that mention the bot to the app_mention event', () => {
    expect(triggerFromMessage(msg({ text: `<@${BOT}> 1차 결과는?` }), env())).toBeUndefined()
  })

  it('answers any direct message at the top level with the DM as its conversation', () => {
    expect(triggerFromMessage(msg({ text: 'LG', channel: 'D1', channel_type: 'im' }), env())).toEqual({
      question: 'LG',
      channel: 'D1',
      user: 'U1',
      replyThreadTs: undefined,
      contextKey: 'D1:dm',
    })
  })

  it('answers a question in a thread only when the bot answered in that thread', () => {
    const reply = msg({ text: '그 팀 모델은?', ts: '100.5', thread_ts: '100.1' })
    expect(triggerFromMessage(reply, env())).toBeUndefined()
    expect(triggerFromMessage(reply, env(['CQA:100.1']))).toMatchObject({
      replyThreadTs: '100.1',
      contextKey: 'CQA:100.1',
    })
    expect(triggerFromMessage({ ...reply, text: '고마워요' }, env(['CQA:100.1']))).toBeUndefined()
  })
})

describe('triggerFromMention', () => {
  it('strips the bot mention and answers in the thread of the message', () => {
    const event = msg({ type: 'app_mention', text: `<@${BOT}> 1차 결과는?`, channel: 'C9' })
    expect(triggerFromMention(event, env())).toMatchObject({
      question: '1차 결과는?',
      replyThreadTs: '100.1',
    })
    const inThread = { ...event, ts: '100.7', thread_ts: '100.1' }
    expect(triggerFromMention(inThread, env())).toMatchObject({
      replyThreadTs: '100.1',
      contextKey: 'C9:100.1',
    })
  })

  it('ignores edits and bots when they mention the bot', () => {
    const event = msg({ type: 'app_mention', text: `<@${BOT}> hi?` })
    expect(triggerFromMention({ ...event, edited: { user: 'U1', ts: '1' } }, env())).toBeUndefined()
    expect(triggerFromMention({ ...event, bot_id: 'B2' }, env())).toBeUndefined()
  })
})
