import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadCorpusOrThrow } from '../../../src/core/corpus/load-corpus.js'
import type { Corpus } from '../../../src/core/corpus/types.js'
import { createNotifications } from '../../../src/core/notify/notifications.js'
import { overdueChanges } from '../../../src/core/notify/nudge.js'
import { openSqliteStore } from '../../../src/store/sqlite-store.js'
import { ScriptedSink } from './scripted-sink.js'

let corpus: Corpus
const dirs: string[] = []
beforeAll(async () => {
  corpus = await loadCorpusOrThrow('corpus')
})
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function logSink() {
  const lines: Record<string, unknown>[] = []
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) })
  return { logger, warnings: () => lines.filter((l) => l.level === 40) }
}

/** One bot process: a store file that survives it, the real outbox and dispatcher, a pinned clock. */
async function boot(path: string, day: string, ops = true) {
  const store = openSqliteStore({ path })
  const slack = new ScriptedSink('slack')
  const log = logSink()
  const n = createNotifications({
    store,
    sinks: [slack],
    logger: log.logger,
    clock: { now: () => new Date(`${day}T03:00:00Z`) },
    config: {
      slackChannels: [],
      discordChannels: [],
      announceCurrent: false,
      ...(ops && { ops: { platform: 'slack' as const, channelId: 'COPS', lang: 'ko' as const } }),
    },
  })
  await n.onCorpus(corpus)
  return { n, store, slack, log }
}

describe('overdueChanges', () => {
  it('nudges nothing before an event is 7 days overdue, then once per event', () => {
    // Phase 2 is "2026-08": overdue from 1 September, nudged after 7 days.
    expect(overdueChanges(corpus, '2026-09-07')).toEqual([])
    expect(overdueChanges(corpus, '2026-09-08').map((c) => c.id)).toEqual([
      'overdue:phase2-evaluation-2026-08:2026-08',
    ])
    expect(overdueChanges(corpus, '2026-12-04').map((c) => c.since)).toEqual(['2026-09-01'])
  })
})

describe('operator nudge through the outbox', () => {
  it('tells OPS_CHANNEL once per overdue event and logs a warning, across a restart, even in 2030', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-nudge-'))
    dirs.push(dir)
    const path = join(dir, 'kai.sqlite')

    const first = await boot(path, '2026-12-04')
    expect((await first.n.checkOverdue()).map((c) => c.event.id)).toEqual(['phase2-evaluation-2026-08'])
    expect(await first.n.checkOverdue()).toEqual([])
    await first.n.flush()
    expect(first.slack.posted.map((p) => p.channelId)).toEqual(['COPS'])
    const text = first.slack.posted[0]!.message.text
    expect(text).toContain('자료 점검 필요: 2차 단계 평가')
    expect(text).toContain('2026-09-01부터 95일 지났습니다')
    expect(text).toContain('How to add a new evaluation result')
    expect(first.log.warnings()).toHaveLength(1)
    expect(first.log.warnings()[0]).toMatchObject({
      event: 'phase2-evaluation-2026-08',
      overdueSince: '2026-09-01',
      opsChannel: 'slack:COPS',
    })
    // Operator nudges are not news for subscribed channels' /kai changes.
    expect((await first.n.service.changes(undefined, 'ko')).text).not.toContain('자료 점검')
    await first.n.stop()
    first.store.close()

    // A restart years later (clock skew, a long outage): the old nudge is not repeated, the final
    // selection (2026-12) now overdue too is nudged once, and checking again floods nothing.
    const later = await boot(path, '2030-01-01')
    expect((await later.n.checkOverdue()).map((c) => c.event.id)).toEqual(['final-selection'])
    for (let i = 0; i < 5; i++) expect(await later.n.checkOverdue()).toEqual([])
    await later.n.flush()
    expect(later.slack.posted).toHaveLength(1)
    expect(later.log.warnings()).toHaveLength(1)
    await later.n.stop()
    later.store.close()
  })

  it('only logs when OPS_CHANNEL is not set', async () => {
    const { n, store, slack, log } = await boot(':memory:', '2026-12-04', false)
    expect(await n.checkOverdue()).toHaveLength(1)
    await n.flush()
    expect(slack.posted).toEqual([])
    expect(log.warnings()).toHaveLength(1)
    await n.stop()
    store.close()
  })
})
