import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { offerSuggestionsOnAbstain } from '../../helpers/did-you-mean.js'
import { BOT_USER_ID, buttonAction, mention, messageEvent } from '../../helpers/fake-slack.js'
import { type SlackHarness, startSlackHarness } from './harness.js'

let h: SlackHarness

describe('Slack adapter in Socket Mode', () => {
  beforeEach(async () => {
    h = await startSlackHarness({ mode: 'socket', env: { SLACK_QA_CHANNELS: 'C0QNA' } })
    await h.slack.socket.connected()
  })
  afterEach(async () => {
    await h.stop()
  })

  it('opens the websocket with the app token through the configured Web API and binds no HTTP port', async () => {
    const open = h.slack.callsTo('apps.connections.open')
    expect(open).toHaveLength(1)
    expect(open[0]?.token).toBe(h.slack.appToken)
    expect(h.adapter.httpAddress?.()).toBeUndefined()
    expect(h.logs.lines.some((l) => l.msg === 'slack adapter ready (Socket Mode connected)')).toBe(true)
  })

  it('acks a mention envelope and answers in its thread', async () => {
    const event = mention(`<@${BOT_USER_ID}> 1차 결과는?`)
    const envelopeId = h.slack.socket.sendEvent(event)
    await h.slack.socket.waitForAck(envelopeId)
    const call = await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === event.ts)
    expect(String(call.args.text)).toContain('1차 평가에서')
  })

  it('answers a redelivered envelope only once', async () => {
    const event = messageEvent({ text: '누가 탈락했어?', channel: 'C0QNA' })
    const first = h.slack.socket.sendEvent(event, { eventId: 'Ev0SOCKET' })
    const retry = h.slack.socket.sendEvent(event, { eventId: 'Ev0SOCKET', retryAttempt: 1 })
    await h.slack.socket.waitForAck(first)
    await h.slack.socket.waitForAck(retry)
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === event.ts)
    const sentinel = messageEvent({ text: 'sentinel?', channel: 'D0S', channel_type: 'im' })
    h.slack.socket.sendEvent(sentinel)
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'D0S')
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === event.ts)).toHaveLength(1)
  })

  it('acks a did-you-mean button envelope and answers in the thread', async () => {
    offerSuggestionsOnAbstain(h.bot.core)
    const event = mention(`<@${BOT_USER_ID}> 매출은?`)
    h.slack.socket.sendEvent(event)
    const first = await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === event.ts)
    const blocks = first.args.blocks as {
      type: string
      elements?: { action_id?: string; value?: string }[]
    }[]
    const question = blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'kai_dym_0')?.value
    expect(question).toBeTruthy()
    const envelopeId = h.slack.socket.sendAction(
      buttonAction({
        actionId: 'kai_dym_0',
        value: question,
        threadTs: event.ts as string,
        responseUrl: h.slack.responseUrl(),
      }),
    )
    await h.slack.socket.waitForAck(envelopeId)
    const answer = await h.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.thread_ts === event.ts && c !== first,
    )
    expect(JSON.stringify(answer.args.blocks)).toContain(`질문: “${question}”`)
  })

  it('acks a slash command envelope and answers through response_url', async () => {
    const responseUrl = h.slack.responseUrl()
    const envelopeId = h.slack.socket.sendCommand({ text: 'results 1', response_url: responseUrl })
    await h.slack.socket.waitForAck(envelopeId)
    const post = await h.slack.waitForResponse((p) => responseUrl.endsWith(p.id))
    expect(post.body).toMatchObject({ response_type: 'ephemeral' })
    expect(String(post.body.text)).toContain('In the first-stage evaluation on January 15, 2026')
  })

  it('closes the websocket when stopped, without reconnecting', async () => {
    expect(h.slack.socket.openConnections()).toBe(1)
    await h.adapter.stop()
    await expect.poll(() => h.slack.socket.openConnections()).toBe(0)
    expect(h.slack.socket.connections()).toBe(1)
  })
})
