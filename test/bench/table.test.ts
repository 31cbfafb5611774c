import { describe, expect, it } from 'vitest'
import type { MainMeasurement } from '../../bench/measure.js'
import type { BenchResults, SizeResult } from '../../bench/results.js'
import { summarize } from '../../bench/stats.js'
import { checkTargets, formatMs, formatRatio, parseSize, renderTable, sizeLabel } from '../../bench/table.js'

function main(engine: 'ours' | 'plain', p99: number, buildMs: number): MainMeasurement {
  const latency = { ...summarize([0.5, 0.6, p99]), p99 }
  return {
    mode: 'main',
    engine,
    measures: engine === 'ours' ? 'full answer' : 'search',
    size: 10_000,
    passages: 10_000,
    questions: 3,
    generateMs: 1,
    buildMs,
    heapMB: 40,
    heapTotalMB: 60,
    rssMB: 200,
    gcExposed: true,
    latency,
    latencyBest: latency,
    byKind: { 'ko-team': latency },
    serializedMB: 12.5,
    changeMs: 3,
    changeIndexMs: 1,
    rebuildMs: buildMs,
  }
}

function size10k(oursP99: number, plainP99: number): SizeResult {
  return {
    size: 10_000,
    main: { ours: main('ours', oursP99, 1500), plain: main('plain', plainP99, 1000) },
    coldLoad: { ours: { mode: 'cold-load', engine: 'ours', size: 10_000, readyMs: 300, firstAnswerMs: 5 } },
    coldRebuild: {},
    errors: [],
  }
}

const machine = {
  cpu: 'AMD EPYC',
  cores: 2,
  node: 'v20.20.2',
  platform: 'linux x64',
  memoryGB: 24,
  loadStart: 0.5,
  loadEnd: 0.7,
}

describe('parseSize and sizeLabel', () => {
  it('reads k suffixes and plain numbers when given sizes from the command line', () => {
    expect([parseSize('1k'), parseSize('100K'), parseSize('2500'), parseSize('ten')]).toEqual([
      1000,
      100_000,
      2500,
      Number.NaN,
    ])
  })
  it('labels sizes the way people write them', () => {
    expect([sizeLabel(1000), sizeLabel(100_000), sizeLabel(2500), sizeLabel(300)]).toEqual([
      '1k',
      '100k',
      '2.5k',
      '300',
    ])
  })
})

describe('formatting', () => {
  it('switches to seconds from 1,000 ms and keeps two decimals under 10 ms', () => {
    expect([formatMs(0.123), formatMs(12.34), formatMs(250.4), formatMs(1500), formatMs(undefined)]).toEqual([
      '0.12 ms',
      '12.3 ms',
      '250 ms',
      '1.50 s',
      '—',
    ])
  })
  it('prints a dash instead of a ratio when the baseline is missing or zero', () => {
    expect([formatRatio(1, 2), formatRatio(30, 2), formatRatio(1, 0), formatRatio(1, undefined)]).toEqual([
      '0.50×',
      '15×',
      '—',
      '—',
    ])
  })
})

describe('checkTargets', () => {
  it('marks the 10k p99 target met and the ratio missed when ours is under 2 ms but slower than plain', () => {
    const targets = checkTargets([size10k(1.5, 1.0)], [])
    expect(targets.find((t) => t.name === 'full answer p99')).toMatchObject({ met: true, value: '1.50 ms' })
    expect(targets.find((t) => t.name.startsWith('answer p99 / plain'))).toMatchObject({
      met: false,
      value: '1.50×',
    })
  })

  it('reports e2e targets as not measured when e2e did not run, and skips sizes that were not run', () => {
    const targets = checkTargets([size10k(1, 2)], [{ platform: 'slack', measured: false, reason: 'no fake' }])
    expect(targets.find((t) => t.name.includes('Slack'))).toMatchObject({
      met: undefined,
      value: 'not measured',
    })
    expect(targets.some((t) => t.size === 100_000)).toBe(false)
  })
})

describe('renderTable', () => {
  it('prints the machine, the targets, a row per figure with the ratio to plain, and why e2e was not measured', () => {
    const sizes = [size10k(1.5, 3)]
    const e2e = [{ platform: 'discord' as const, measured: false as const, reason: 'fake Discord not ready' }]
    const results: BenchResults = {
      startedAt: '2026-11-28T01:00:00.000Z',
      commit: 'abc1234',
      durationS: 90,
      machine,
      args: { sizes: [10_000], passes: 1, e2eRequests: 300 },
      sizes,
      e2e,
      targets: checkTargets(sizes, e2e),
    }
    const text = renderTable(results)
    expect(text).toContain('## kai-bot bench — 2026-11-28 01:00 UTC, abc1234')
    expect(text).toContain('Machine: AMD EPYC, 2 cores, 24 GB, Node v20.20.2')
    expect(text).toContain('| 10k | full answer p99 | ≤ 2 ms | 1.50 ms | ✅ met |')
    expect(text).toContain('| answer p99 | 1.50 ms | 3.00 ms | 0.50× | — |')
    expect(text).toContain('| cold start: load persisted index (fresh process) | 300 ms | — | — | — |')
    expect(text).toContain('not measured: fake Discord not ready')
  })
})
