import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { createNotifications, loadCorpusSync, type TimelineEvent } from '../../src/core/index.js'
import { startResultsPoller } from '../../src/notify/results-poller.js'
import { openSqliteStore } from '../../src/store/sqlite-store.js'

/** A document server on 127.0.0.1 that honours If-None-Match like a static file host. */
async function serveDocument() {
  const state = { body: '', etag: '"v1"', requests: [] as http.IncomingHttpHeaders[] }
  const server = http.createServer((req, res) => {
    state.requests.push(req.headers)
    if (req.headers['if-none-match'] === state.etag) {
      res.writeHead(304)
      res.end()
      return
    }
    res.writeHead(200, {
      'content-type': 'application/yaml',
      etag: state.etag,
      'last-modified': 'Fri, 07 Aug 2026 09:00:00 GMT',
    })
    res.end(state.body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/results.yaml`
  return { state, url, close: () => new Promise<void>((r) => server.close(() => r())) }
}

const VALID = `events:
  - id: phase2-evaluation
    date: '2026-08-07'
    kind: evaluation
    phase: 2
    title: { ko: 2차 평가, en: Phase-2 evaluation }
    summary: { ko: 2차 평가 결과, en: Phase-2 results }
    outcomes:
      - { team: upstage, result: advanced }
      - { team: motif, result: eliminated }
    sources: [msit]
`

const closers: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of closers.splice(0)) await c()
})

function logCapture() {
  const lines: Record<string, unknown>[] = []
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) })
  return { logger, lines }
}

describe('startResultsPoller', () => {
  it('hands over a valid document once and then sends If-None-Match, getting 304', async () => {
    const server = await serveDocument()
    closers.push(server.close)
    server.state.body = VALID
    const received: TimelineEvent[][] = []
    const { logger } = logCapture()
    const poller = startResultsPoller({
      url: server.url,
      intervalMs: 3_600_000,
      logger,
      onTimeline: (e) => received.push(e),
    })
    closers.push(() => poller.stop())
    await expect.poll(() => received.length).toBe(1)
    expect(received[0]!.map((e) => e.id)).toStrictEqual(['phase2-evaluation'])

    expect(await poller.poll()).toStrictEqual({ kind: 'not-modified' })
    expect(server.state.requests[1]!['if-none-match']).toBe('"v1"')
    expect(server.state.requests[1]!['if-modified-since']).toBe('Fri, 07 Aug 2026 09:00:00 GMT')
    expect(received).toHaveLength(1)
  })

  it('produces no events and logs every problem with its line when the document is invalid', async () => {
    const server = await serveDocument()
    closers.push(server.close)
    server.state.body = VALID.replace('result: eliminated', 'result: knocked-out')
    const received: TimelineEvent[][] = []
    const { logger, lines } = logCapture()
    const poller = startResultsPoller({
      url: server.url,
      intervalMs: 3_600_000,
      logger,
      onTimeline: (e) => received.push(e),
    })
    closers.push(() => poller.stop())
    const outcome = await poller.poll()
    expect(outcome.kind).toBe('invalid')
    expect(received).toStrictEqual([])
    const error = lines.find((l) => l.msg === 'results document rejected; keeping the last good one')
    expect(JSON.stringify(error?.issues)).toMatch(/results\.yaml:10 events\[0\]\.outcomes\[1\]\.result: /)
  })

  it('leaves the baseline unchanged when an invalid document follows a valid one', async () => {
    const server = await serveDocument()
    closers.push(server.close)
    const store = openSqliteStore({ path: ':memory:' })
    closers.push(() => store.close())
    const { logger } = logCapture()
    const n = createNotifications({
      store,
      sinks: [],
      logger,
      clock: { now: () => new Date('2026-08-07T10:00:00Z') },
      config: { slackChannels: [], discordChannels: [], announceCurrent: false },
    })
    const loaded = loadCorpusSync('test/fixtures/corpus')
    if (!loaded.ok) throw new Error('fixture corpus invalid')
    expect((await n.onCorpus(loaded.corpus)).kind).toBe('baselined')
    server.state.body = VALID
    const poller = startResultsPoller({
      url: server.url,
      intervalMs: 3_600_000,
      logger,
      onTimeline: (events) => void n.onRemoteTimeline(events),
    })
    closers.push(() => poller.stop())
    await expect.poll(async () => (await store.listChanges({ limit: 5 })).length).toBe(1)
    const baseline = await store.loadBaseline()

    server.state.etag = '"v2"'
    server.state.body = 'events: [ { id: broken'
    expect((await poller.poll()).kind).toBe('invalid')
    expect(await store.loadBaseline()).toStrictEqual(baseline)
    expect(await store.listChanges({ limit: 5 })).toHaveLength(1)
  })
})
