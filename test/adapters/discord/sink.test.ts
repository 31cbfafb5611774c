import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeliveryError, type Message } from '../../../src/core/index.js'
import { startBotHarness } from './bot-harness.js'
import type { Harness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await startBotHarness()
})
afterAll(async () => {
  await h?.stop()
})

const message: Message = {
  lang: 'ko',
  text: '1차 평가 결과 발표 @everyone',
  blocks: {
    title: '1차 평가 결과 발표',
    paragraphs: ['LG AI연구원, SK텔레콤, 업스테이지 진출 @everyone'],
    fields: [{ label: '진출', items: ['LG AI연구원', 'SK텔레콤', '업스테이지'] }],
    sources: [],
    asOf: '2026-01-15',
    conflict: false,
  },
}

async function postError(channelId: string): Promise<DeliveryError> {
  const err = await h.adapter.sink.post(channelId, message).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DeliveryError)
  return err as DeliveryError
}

describe('Discord notification sink', () => {
  it('posts the message as an embed with no mentions allowed', async () => {
    await h.adapter.sink.post('2000000000000000001', message)
    const [posted] = h.discord.channelMessages('2000000000000000001')
    expect(posted).toMatchObject({
      embeds: [
        { title: '1차 평가 결과 발표', fields: [{ name: '진출' }], footer: { text: '2026-01-15 기준' } },
      ],
      allowed_mentions: { parse: [] },
    })
  })

  it('reports retryAfterMs instead of waiting when Discord answers 429', async () => {
    h.discord.failChannelMessages('2000000000000000002', { status: 429, retryAfterSeconds: 3 })
    const err = await postError('2000000000000000002')
    expect(err.permanent).toBe(false)
    expect(err.code).toBe('DELIVERY_RATE_LIMITED')
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(3000)
    expect(h.discord.channelMessages('2000000000000000002')).toEqual([])
  })

  for (const [code, what] of [
    [10003, 'Unknown Channel'],
    [50001, 'Missing Access'],
    [50013, 'Missing Permissions'],
  ] as const) {
    it(`marks the failure permanent when Discord answers ${code} ${what}`, async () => {
      const channelId = `30000000000000${code}`
      h.discord.failChannelMessages(channelId, { status: code === 10003 ? 404 : 403, code })
      const err = await postError(channelId)
      expect(err.permanent).toBe(true)
      expect(err.code).toBe('DELIVERY_CHANNEL_GONE')
      expect(err.retryAfterMs).toBeUndefined()
    })
  }

  it('reports a retryable failure when Discord keeps failing with 500', async () => {
    const channelId = '2000000000000000005'
    // @discordjs/rest retries a 5xx itself (3 times) before giving up.
    for (let i = 0; i < 4; i++) h.discord.failChannelMessages(channelId, { status: 500 })
    const err = await postError(channelId)
    expect(err.permanent).toBe(false)
    expect(err.retryAfterMs).toBeUndefined()
    expect(err.code).toBe('DELIVERY_FAILED')
  })
})

describe('Discord sink: a repeat of an in-doubt delivery', () => {
  it('sends the delivery nonce with enforce_nonce, so a second post of the same delivery creates nothing', async () => {
    const channelId = '2000000000000000009'
    const first = { deliveryKey: 'kai-delivery-7', inDoubt: false }
    await h.adapter.sink.post(channelId, message, first)
    // The sender died before marking it sent; another instance posts the same delivery again.
    await h.adapter.sink.post(channelId, message, { ...first, inDoubt: true })
    expect(h.discord.channelPostAttempts(channelId)).toBe(2)
    const posted = h.discord.channelMessages(channelId)
    expect(posted).toHaveLength(1)
    expect(posted[0]).toMatchObject({ nonce: expect.any(String), enforce_nonce: true })
    expect(String(posted[0]!.nonce).length).toBeLessThanOrEqual(25)
    // Another delivery is another nonce: it is posted.
    await h.adapter.sink.post(channelId, message, { deliveryKey: 'kai-delivery-8', inDoubt: false })
    expect(h.discord.channelMessages(channelId)).toHaveLength(2)
  })
})
