import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSlackSink } from '../../../adapters/slack/sink.js'
import type { ChatSink, Message } from '../../../src/core/index.js'
import { DeliveryError } from '../../../src/core/index.js'
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.js'
import { logSink } from './harness.js'

const message: Message = {
  lang: 'ko',
  text: '2차 평가 결과: <!here> 업스테이지 진출',
  blocks: {
    title: '2차 평가 결과',
    paragraphs: ['업스테이지 진출'],
    fields: [],
    sources: [],
    asOf: '2026-06-30',
    conflict: false,
  },
}

let slack: FakeSlack
let sink: ChatSink

beforeAll(async () => {
  slack = await startFakeSlack()
  sink = createSlackSink({ botToken: slack.botToken, apiUrl: slack.apiUrl, logger: logSink().logger })
})
afterAll(async () => {
  await slack.close()
})

async function failureOf(promise: Promise<void>): Promise<DeliveryError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DeliveryError)
  return err as DeliveryError
}

describe('Slack notification sink', () => {
  it('posts the rendered message with chat.postMessage when the channel accepts it', async () => {
    await sink.post('C0NEWS', message)
    const call = slack.callsTo('chat.postMessage').at(-1)
    expect(call?.args).toMatchObject({
      channel: 'C0NEWS',
      text: '2차 평가 결과: &lt;!here&gt; 업스테이지 진출',
    })
    expect(sink.platform).toBe('slack')
  })

  it('turns an HTTP 429 into retryAfterMs from Retry-After without waiting it out', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfterSec: 3 })
    const err = await failureOf(sink.post('C0NEWS', message))
    expect(err).toMatchObject({ code: 'DELIVERY_RATE_LIMITED', retryAfterMs: 3000, permanent: false })
  })

  it('turns an ok:false ratelimited answer into retryAfterMs from Retry-After', async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfterSec: 7 })
    const err = await failureOf(sink.post('C0NEWS', message))
    expect(err).toMatchObject({ code: 'DELIVERY_RATE_LIMITED', retryAfterMs: 7000 })
  })

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('marks %s as permanent', async (error) => {
    slack.failNext('chat.postMessage', { error })
    const err = await failureOf(sink.post('C0GONE', message))
    expect(err).toMatchObject({ code: 'DELIVERY_CHANNEL_GONE', permanent: true, retryAfterMs: undefined })
    expect(err.message).toContain(`slack:C0GONE (${error})`)
  })

  it('reports other failures as retryable without a wait', async () => {
    slack.failNext('chat.postMessage', { error: 'internal_error' })
    const err = await failureOf(sink.post('C0NEWS', message))
    expect(err).toMatchObject({ code: 'DELIVERY_FAILED', permanent: false, retryAfterMs: undefined })
  })
})

describe('Slack sink: a repeat of an in-doubt delivery', () => {
  it('tags posts with the delivery and does not post an in-doubt one that is already in the channel', async () => {
    const post = { deliveryKey: 'kai-delivery-7', inDoubt: false }
    await sink.post('C0DOUBT', message, post)
    const [call] = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0DOUBT')
    expect(call!.args.metadata).toEqual({
      event_type: 'kai_delivery',
      event_payload: { delivery: 'kai-delivery-7' },
    })
    // The sender died before marking it sent: the next attempt is in doubt and looks first.
    await sink.post('C0DOUBT', message, { ...post, inDoubt: true })
    const check = slack.callsTo('conversations.history').at(-1)?.args
    expect(check).toMatchObject({ channel: 'C0DOUBT' })
    expect(String(check?.include_all_metadata)).toBe('true')
    expect(slack.posted.filter((m) => m.channel === 'C0DOUBT')).toHaveLength(1)
    // In doubt but never posted (it died before Slack got it): it is posted now.
    await sink.post('C0DOUBT', message, { deliveryKey: 'kai-delivery-8', inDoubt: true })
    expect(slack.posted.filter((m) => m.channel === 'C0DOUBT')).toHaveLength(2)
  })
})
