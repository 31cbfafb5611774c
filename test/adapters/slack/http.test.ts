import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBot } from '../../../src/main.js'
import type { ApiCall } from '../../helpers/fake-slack.js'
import { BOT_ID, BOT_USER_ID, mention, messageEvent, startFakeSlack } from '../../helpers/fake-slack.js'
import { botEnv, logStream, type SlackHarness, startSlackHarness } from './harness.js'

const QA = 'C0QNA'
type Block = {
  type: string
  text?: { text: string }
  fields?: { text: string }[]
  elements?: { text: string }[]
}
let h: SlackHarness

function textOf(call: ApiCall | { body: Record<string, unknown> }): string {
  return JSON.stringify('args' in call ? call.args : call.body)
}

/**
 * Sends a DM and waits for its answer. Handlers run in arrival order up to their Web API call, so once
 * this answer is recorded, any answer to an earlier event would have been recorded too.
 */
async function settle(): Promise<void> {
  const channel = `D0${randomUUID().slice(0, 8).toUpperCase()}`
  await h.send.event(messageEvent({ text: '1차 결과는?', channel, channel_type: 'im' }))
  await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel)
}

function answersTo(ts: string): ApiCall[] {
  return h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)
}

describe('Slack adapter over HTTP', () => {
  beforeEach(async () => {
    h = await startSlackHarness({ env: { SLACK_QA_CHANNELS: QA } })
  })
  afterEach(async () => {
    await h.stop()
  })

  it('verifies the token with auth.test and serves /healthz when started', async () => {
    expect(h.slack.callsTo('auth.test')).toHaveLength(1)
    expect(h.adapter.httpAddress?.()?.host).toBe('127.0.0.1')
    const res = await fetch(`${h.baseUrl}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('answers a mention in the thread of the message with sources, without the mention in the question', async () => {
    const event = mention(`<@${BOT_USER_ID}> 1차 결과는?`)
    const res = await h.send.event(event)
    expect(res.status).toBe(200)
    const call = await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === event.ts)
    expect(call.args.channel).toBe('C0GENERAL')
    expect(call.token).toBe(h.slack.botToken)
    expect(call.args.text).toContain('1차 평가에서 LG AI연구원, SK텔레콤과 업스테이지가 다음 단계에 진출')
    const blocks = call.args.blocks as Block[]
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '1차 평가 결과' } })
    expect(blocks.find((b) => b.fields)?.fields?.[1]?.text).toBe('*탈락*\n• 네이버클라우드')
    const context = blocks.find((b) => b.type === 'context')
    expect(context?.elements?.[0]?.text).toMatch(/^출처: <https:\/\/[^|>]+\|[^>]+> · /)
    expect(context?.elements?.map((e) => e.text)).toContain('2026-01-15 기준')
  })

  it('answers a direct message at the top level of the DM', async () => {
    const event = messageEvent({ text: 'LG AI Research?', channel: 'D0ALICE', channel_type: 'im' })
    await h.send.event(event)
    const call = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'D0ALICE')
    expect(call.args.thread_ts).toBeUndefined()
    expect((call.args.blocks as Block[])[0]?.text?.text).toBe('LG AI Research')
  })

  it('answers a top-level question in a Q&A channel in its thread and ignores a non-question', async () => {
    const question = messageEvent({ text: '누가 탈락했어?', channel: QA })
    const chatter = messageEvent({ text: '좋은 아침입니다', channel: QA })
    const elsewhere = messageEvent({ text: '누가 탈락했어?', channel: 'C0RANDOM' })
    await h.send.event(question)
    await h.send.event(chatter)
    await h.send.event(elsewhere)
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === question.ts)
    await settle()
    expect(answersTo(question.ts as string)).toHaveLength(1)
    expect(answersTo(chatter.ts as string)).toHaveLength(0)
    expect(answersTo(elsewhere.ts as string)).toHaveLength(0)
  })

  it('never answers bots, itself, edits, joins or other subtypes', async () => {
    const ignored = [
      messageEvent({
        text: '누가 탈락했어?',
        channel: QA,
        bot_id: 'B0OTHER',
        user: undefined,
        subtype: 'bot_message',
      }),
      messageEvent({ text: '누가 탈락했어?', channel: QA, bot_id: 'B0OTHER' }),
      messageEvent({ text: '누가 탈락했어?', channel: QA, user: BOT_USER_ID, bot_id: BOT_ID }),
      messageEvent({ text: '누가 탈락했어?', channel: 'D0ALICE', channel_type: 'im', user: BOT_USER_ID }),
      messageEvent({ text: '누가 탈락했어?', channel: QA, subtype: 'message_changed' }),
      messageEvent({
        text: '<@U0ALICE> has joined the channel. 누구?',
        channel: QA,
        subtype: 'channel_join',
      }),
      messageEvent({ text: '누가 탈락했어?', channel: QA, subtype: 'thread_broadcast' }),
      mention(`<@${BOT_USER_ID}> 누가 탈락했어?`, { bot_id: 'B0OTHER' }),
    ]
    for (const event of ignored) expect((await h.send.event(event)).status).toBe(200)
    await settle()
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1)
  })

  it('answers a question once however often Slack retries it, and once when it arrives as message and mention', async () => {
    const event = messageEvent({ text: '1차 결과는?', channel: QA })
    const eventId = 'Ev0RETRIED'
    await h.send.event(event, { eventId })
    await h.send.event(event, { eventId, retryNum: 1, retryReason: 'http_timeout' })
    await h.send.event(event, { eventId, retryNum: 2, retryReason: 'http_timeout' })
    const both = { ts: `${Date.now() / 1000}`, text: `<@${BOT_USER_ID}> 2차 평가는 언제?`, channel: QA }
    await h.send.event(messageEvent(both))
    await h.send.event(mention(both.text, { ts: both.ts, channel: QA }))
    await settle()
    expect(answersTo(event.ts as string)).toHaveLength(1)
    expect(answersTo(both.ts)).toHaveLength(1)
  })

  it('uses the context of the previous answer for a follow-up in the same thread', async () => {
    const first = messageEvent({ text: '업스테이지는 어떤 팀이야?', channel: QA })
    await h.send.event(first)
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === first.ts)
    const followUp = messageEvent({ text: '그 팀 모델은?', channel: QA, thread_ts: first.ts })
    await h.send.event(followUp)
    await expect.poll(() => answersTo(first.ts as string).length).toBe(2)
    expect(String(answersTo(first.ts as string)[1]?.args.text)).toContain('업스테이지의 모델은 Solar Open')
  })

  it("answers a question without letters in the thread's language, else in the asker's locale", async () => {
    h.slack.users.set('U0MINJI', { locale: 'ko-KR' })
    h.slack.users.set('U0EMMA', { locale: 'en-US' })
    const first = messageEvent({ text: 'who advanced in the first stage?', channel: QA, user: 'U0MINJI' })
    await h.send.event(first)
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === first.ts)
    // "2?" tells nothing: the thread was in English, so English, although Minji's Slack is Korean.
    await h.send.event(messageEvent({ text: '2?', channel: QA, thread_ts: first.ts, user: 'U0MINJI' }))
    await expect.poll(() => answersTo(first.ts as string).length).toBe(2)
    const followUp = answersTo(first.ts as string)[1]?.args.blocks as Block[] | undefined
    expect(followUp?.[0]?.text?.text).toBe('kai-bot help')
    expect(h.slack.callsTo('users.info')).toHaveLength(0)

    // A new conversation has no thread language: Emma's locale decides.
    await h.send.event(messageEvent({ text: '2?', channel: 'D0EMMA', channel_type: 'im', user: 'U0EMMA' }))
    const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'D0EMMA')
    expect((dm.args.blocks as Block[])[0]?.text?.text).toBe('kai-bot help')
    expect(h.slack.callsTo('users.info').map((c) => c.args.user)).toEqual(['U0EMMA'])
  })

  it('refuses a request with a bad signature with 401 and answers nothing', async () => {
    const res = await h.send.event(mention(`<@${BOT_USER_ID}> 1차 결과는?`), { signature: 'v0=deadbeef' })
    expect(res.status).toBe(401)
    const unsigned = await fetch(`${h.baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(unsigned.status).toBe(401)
    await settle()
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1)
  })

  it('refuses requests signed 10 minutes in the past or in the future', async () => {
    const now = Math.floor(Date.now() / 1000)
    const old = await h.send.event(mention(`<@${BOT_USER_ID}> 1차 결과는?`), { timestampSec: now - 600 })
    const future = await h.send.event(mention(`<@${BOT_USER_ID}> 1차 결과는?`), { timestampSec: now + 600 })
    const futureCommand = await h.send.command({ text: 'help' }, { timestampSec: now + 600 })
    expect(old.status).toBe(401)
    expect(future.status).toBe(401)
    expect(futureCommand.status).toBe(401)
    await settle()
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1)
    expect(h.slack.responses).toHaveLength(0)
  })

  it('keeps mention tricks typed in a question out of what it posts', async () => {
    const tricks = '<!channel> <!here> <!everyone> <@U0EVIL> <!subteam^S0DEVS|@devs> @channel 1차 결과는?'
    const event = mention(`<@${BOT_USER_ID}> ${tricks}`)
    await h.send.event(event)
    const call = await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === event.ts)
    const posted = textOf(call)
    for (const sequence of ['<!channel', '<!here', '<!everyone', '<@U0EVIL', '<!subteam']) {
      expect(posted).not.toContain(sequence)
    }
    expect(call.args.link_names).toBeUndefined()
  })

  it('lets an answer in flight finish when stopped, then refuses new connections', async () => {
    const held = h.slack.holdNext('chat.postMessage')
    const event = mention(`<@${BOT_USER_ID}> 1차 결과는?`)
    await h.send.event(event)
    await held.arrived
    let stopped = false
    const stopping = h.adapter.stop().then(() => {
      stopped = true
    })
    await expect(fetch(`${h.baseUrl}/healthz`)).rejects.toThrow()
    expect(stopped).toBe(false)
    held.release()
    await stopping
    expect(h.logs.lines.filter((l) => l.msg === 'answered')).toHaveLength(1)
  })

  it('answers 404 for paths other than /slack/events and /healthz', async () => {
    expect((await fetch(`${h.baseUrl}/slack/other`, { method: 'POST' })).status).toBe(404)
  })
})

describe('Slack adapter failures', () => {
  afterEach(async () => {
    await h.stop()
  })

  it('apologises ephemerally, logs the request id, and answers the next question when a handler fails', async () => {
    h = await startSlackHarness({ env: { SLACK_QA_CHANNELS: QA } })
    // Break the running bot's core for one question: the adapter must survive whatever the core throws.
    const ask = h.bot.core.ask
    h.bot.core.ask = (q, o) => {
      if (q.includes('boom')) throw new Error('index exploded')
      return ask(q, o)
    }
    const failing = messageEvent({ text: 'boom 왜?', channel: QA })
    await h.send.event(failing, { eventId: 'Ev0BOOM' })
    const apology = await h.slack.waitForCall('chat.postEphemeral')
    expect(apology.args).toMatchObject({ channel: QA, user: 'U0ALICE', thread_ts: failing.ts })
    expect(String(apology.args.text)).toContain('죄송합니다')
    expect(String(apology.args.text)).toContain('0BOOM')
    const logged = h.logs.lines.find((l) => l.msg === 'slack answer failed')
    expect(logged).toMatchObject({ adapter: 'slack', requestId: 'Ev0BOOM', level: 50 })
    expect(logged?.err).toMatchObject({ message: 'index exploded' })

    const next = messageEvent({ text: '1차 결과는?', channel: QA })
    await h.send.event(next)
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === next.ts)
  })

  it('logs and keeps serving when Slack refuses the answer (channel_not_found, not_in_channel, is_archived, ratelimited)', async () => {
    h = await startSlackHarness({ env: { SLACK_QA_CHANNELS: QA } })
    h.slack.failNext('chat.postMessage', { error: 'not_in_channel' })
    h.slack.failNext('chat.postMessage', { error: 'channel_not_found' })
    h.slack.failNext('chat.postMessage', { error: 'is_archived' })
    h.slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfterSec: 30 })
    for (let i = 0; i < 4; i++) await h.send.event(messageEvent({ text: `질문 ${i} 뭐야?`, channel: QA }))
    const next = messageEvent({ text: '1차 결과는?', channel: QA })
    await h.send.event(next)
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === next.ts)
    const failures = h.logs.lines.filter((l) => l.msg === 'slack answer failed').map((l) => l.slackError)
    expect(failures.sort()).toEqual(['channel_not_found', 'is_archived', 'not_in_channel', 'ratelimited'])
    // Only the rate-limited answer can be apologised for: the other channels refuse the bot.
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(1)
  })

  it('fails start with a ConfigError naming SLACK_BOT_TOKEN when Slack rejects the token', async () => {
    h = await startSlackHarness()
    const env: Record<string, string> = { ...botEnv(h.slack), SLACK_BOT_TOKEN: 'xoxb-wrong' }
    const started = startBot({ env, logDestination: logStream().stream })
    await expect(started).rejects.toMatchObject({ name: 'ConfigError', code: 'CONFIG_INVALID' })
    await expect(started).rejects.toThrow(/SLACK_BOT_TOKEN: Slack refused it \(invalid_auth\)/)
    rmSync(env.DATA_DIR as string, { recursive: true, force: true })
  })
})

describe('Slack retries across a restart', () => {
  it('does not answer again a retry of a question answered before the restart, and answers one that never was', async () => {
    const slack = await startFakeSlack()
    const env = botEnv(slack, { env: { SLACK_QA_CHANNELS: QA } })
    const start = async () => {
      const bot = await startBot({ env, logDestination: logStream().stream })
      const port = bot.adapters.find((a) => a.name === 'slack')?.httpAddress?.()?.port
      return { bot, send: slack.sender(`http://127.0.0.1:${port}/slack/events`) }
    }
    const answers = (channel: string, ts: string) =>
      slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && c.args.thread_ts === ts)
    try {
      const before = await start()
      const inThread = messageEvent({ text: '1차 결과는?', channel: QA })
      const inDm = messageEvent({ text: '누가 탈락했어?', channel: 'D0ALICE', channel_type: 'im' })
      await before.send.event(inThread, { eventId: 'Ev0THREAD' })
      await before.send.event(inDm, { eventId: 'Ev0DM' })
      await slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === inThread.ts)
      await slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'D0ALICE')
      await before.bot.stop()

      const after = await start()
      const lost = messageEvent({ text: '2차 평가는 언제?', channel: QA })
      await after.send.event(inThread, { eventId: 'Ev0THREAD', retryNum: 1 })
      await after.send.event(inDm, { eventId: 'Ev0DM', retryNum: 2, retryReason: 'http_timeout' })
      // Its first delivery never reached the bot: the retry is the only chance to answer it.
      await after.send.event(lost, { eventId: 'Ev0LOST', retryNum: 1, retryReason: 'connection_failed' })
      await slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === lost.ts)
      await after.bot.stop()

      expect(answers(QA, inThread.ts as string)).toHaveLength(1)
      expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D0ALICE')).toHaveLength(1)
      expect(answers(QA, lost.ts as string)).toHaveLength(1)
      expect(answers(QA, inThread.ts as string)[0]?.args.metadata).toEqual({
        event_type: 'kai_answer',
        event_payload: { question_ts: inThread.ts },
      })
      // The store remembers what was answered (it is shared by every instance), so those two retries cost
      // no call; only the retry the store never saw is checked against Slack, and first deliveries never are.
      const checked = slack.callsTo('conversations.replies').map((c) => String(c.args.ts))
      expect(checked).toEqual([String(lost.ts)])
      expect(slack.callsTo('conversations.history')).toHaveLength(0)
    } finally {
      await slack.close()
      rmSync(env.DATA_DIR as string, { recursive: true, force: true })
    }
  })
})
