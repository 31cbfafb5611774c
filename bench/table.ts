/**
 * Pure rendering of bench results: the target checks of issue 7 and the Markdown table `npm run bench`
 * prints (and the README's Performance section shows).
 */
import type { MainMeasurement } from './measure.js'
import type { BenchResults, E2eResult, SizeResult, TargetCheck } from './results.js'

/** "1k" → 1000, "100k" → 100000, "2500" → 2500; NaN when it is not a size. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(k)?$/i.exec(text.trim())
  if (!m) return Number.NaN
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1))
}

/** 1000 → "1k", 100000 → "100k", 2500 → "2.5k", 300 → "300". */
export function sizeLabel(size: number): string {
  return size >= 1000 ? `${Number((size / 1000).toFixed(1))}k` : String(size)
}

/** Milliseconds with precision that suits the magnitude; seconds from 1 s up. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '—'
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 100) return `${Math.round(ms)} ms`
  if (ms >= 10) return `${ms.toFixed(1)} ms`
  return `${ms.toFixed(2)} ms`
}

export function formatMB(mb: number | null | undefined): string {
  if (mb === undefined || mb === null || !Number.isFinite(mb)) return '—'
  return mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${mb >= 100 ? Math.round(mb) : mb.toFixed(1)} MB`
}

/** ours / baseline as "0.42×"; "—" when either is missing or the baseline is 0. */
export function formatRatio(ours: number | null | undefined, baseline: number | null | undefined): string {
  if (
    ours == null ||
    baseline == null ||
    !Number.isFinite(ours) ||
    !Number.isFinite(baseline) ||
    baseline === 0
  )
    return '—'
  const r = ours / baseline
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`
}

interface TargetSpec {
  size: number
  name: string
  limit: string
  /** The figure, or undefined when it was not measured. */
  value(size: SizeResult, e2e: readonly E2eResult[]): { shown: string; met: boolean } | undefined
}

const ours = (s: SizeResult) => s.main.ours
const upTo = (limit: number, format: (n: number) => string) => (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? undefined : { shown: format(n), met: n <= limit }

function e2eTarget(platform: 'slack' | 'discord'): TargetSpec {
  return {
    size: 10_000,
    name: `loopback end to end p99, ${platform === 'slack' ? 'Slack' : 'Discord'}`,
    limit: '≤ 50 ms',
    value: (_s, e2e) => {
      const r = e2e.find((x) => x.platform === platform)
      return r?.measured ? upTo(50, formatMs)(r.latency.p99) : undefined
    },
  }
}

/** The targets of issue 7, at 10k and 100k passages on this 2-core machine. */
export const TARGETS: readonly TargetSpec[] = [
  {
    size: 10_000,
    name: 'full answer p99',
    limit: '≤ 2 ms',
    value: (s) => upTo(2, formatMs)(ours(s)?.latency.p99),
  },
  {
    size: 10_000,
    name: 'answer p99 / plain MiniSearch p99',
    limit: '≤ 1.0',
    value: (s) => {
      const a = ours(s)?.latency.p99
      const b = s.main.plain?.latency.p99
      return a === undefined || b === undefined ? undefined : { shown: formatRatio(a, b), met: a <= b }
    },
  },
  { size: 10_000, name: 'index build', limit: '≤ 2 s', value: (s) => upTo(2000, formatMs)(ours(s)?.buildMs) },
  {
    size: 10_000,
    name: 'cold start from the persisted index',
    limit: '≤ 1 s',
    value: (s) => upTo(1000, formatMs)(s.coldLoad.ours?.readyMs),
  },
  {
    size: 10_000,
    name: 'heap after GC (whole process)',
    limit: '≤ 150 MB',
    value: (s) => upTo(150, formatMB)(ours(s)?.heapTotalMB),
  },
  {
    size: 10_000,
    name: 'one changed document',
    limit: '≤ 50 ms',
    value: (s) => upTo(50, formatMs)(ours(s)?.changeMs),
  },
  e2eTarget('slack'),
  e2eTarget('discord'),
  {
    size: 100_000,
    name: 'full answer p99',
    limit: '≤ 50 ms',
    value: (s) => upTo(50, formatMs)(ours(s)?.latency.p99),
  },
  {
    size: 100_000,
    name: 'index build',
    limit: '≤ 30 s',
    value: (s) => upTo(30_000, formatMs)(ours(s)?.buildMs),
  },
  {
    size: 100_000,
    name: 'heap after GC (whole process)',
    limit: '≤ 1 GB',
    value: (s) => upTo(1024, formatMB)(ours(s)?.heapTotalMB),
  },
]

/** Every target whose size was run (the e2e ones whenever 10k was run), measured or not. */
export function checkTargets(sizes: readonly SizeResult[], e2e: readonly E2eResult[]): TargetCheck[] {
  const out: TargetCheck[] = []
  for (const spec of TARGETS) {
    const size = sizes.find((s) => s.size === spec.size)
    if (!size) continue
    const v = spec.value(size, e2e)
    out.push({
      size: spec.size,
      name: spec.name,
      limit: spec.limit,
      value: v?.shown ?? 'not measured',
      met: v?.met,
    })
  }
  return out
}

const mark = (met: boolean | undefined) => (met === undefined ? '—' : met ? '✅ met' : '❌ missed')

type Row = [
  label: string,
  pick: (m: MainMeasurement) => number | null | undefined,
  format: (n: number | null | undefined) => string,
]

const ROWS: readonly Row[] = [
  ['index build', (m) => m.buildMs, formatMs],
  ['answer p50', (m) => m.latency.p50, formatMs],
  ['answer p99', (m) => m.latency.p99, formatMs],
  ['answer max', (m) => m.latency.max, formatMs],
  ['answer p99, best of the passes per question', (m) => m.latencyBest?.p99, formatMs],
  [
    'throughput (answers/s, 1 core)',
    (m) => m.latency.throughput,
    (n) => (n == null ? '—' : String(Math.round(n))),
  ],
  ['heap held by the engine (after GC)', (m) => m.heapMB, formatMB],
  ['heap, whole process (after GC)', (m) => m.heapTotalMB, formatMB],
  ['RSS', (m) => m.rssMB, formatMB],
  ['serialized index', (m) => m.serializedMB, formatMB],
  ['one changed document, in place (hot reload)', (m) => m.changeMs, formatMs],
  ['  of which the index update', (m) => m.changeIndexMs, formatMs],
  ['full rebuild after that change', (m) => m.rebuildMs, formatMs],
]

function sizeTable(s: SizeResult): string[] {
  const o = s.main.ours
  const p = s.main.plain
  const f = s.main.flex
  const passages = o?.passages ?? p?.passages ?? s.size
  const lines = [
    `### ${sizeLabel(s.size)} passages (${passages} passages, ${o?.questions ?? p?.questions ?? '?'} questions)`,
    '',
    `| | ours (${o?.measures ?? 'not measured'}) | plain MiniSearch (default tokenizer) | ours / plain | FlexSearch 0.8 + our analyzer |`,
    '|---|---:|---:|---:|---:|',
  ]
  const cell = (m: MainMeasurement | undefined, pick: Row[1], format: Row[2]) => (m ? format(pick(m)) : '—')
  for (const [label, pick, format] of ROWS) {
    lines.push(
      `| ${label} | ${cell(o, pick, format)} | ${cell(p, pick, format)} | ${formatRatio(o ? pick(o) : undefined, p ? pick(p) : undefined)} | ${cell(f, pick, format)} |`,
    )
  }
  const coldRow = (
    label: string,
    pick: (x: SizeResult['coldLoad']) => number | undefined,
    from: SizeResult['coldLoad'],
  ) =>
    `| ${label} | ${formatMs(pick(from))} | ${formatMs(from.plain?.readyMs)} | ${formatRatio(pick(from), from.plain?.readyMs)} | — |`
  lines.push(coldRow('cold start: load persisted index (fresh process)', (x) => x.ours?.readyMs, s.coldLoad))
  lines.push(coldRow('cold start: rebuild (fresh process)', (x) => x.ours?.readyMs, s.coldRebuild))
  for (const error of s.errors) lines.push('', `Not measured: ${error}`)
  return lines
}

function kindTable(s: SizeResult): string[] {
  const o = s.main.ours
  const p = s.main.plain
  if (!o) return []
  const lines = [
    `Latency by question kind at ${sizeLabel(s.size)} (ours p50 / p99 · plain p50 / p99):`,
    '',
    '| kind | n | ours p50 | ours p99 | plain p50 | plain p99 |',
    '|---|---:|---:|---:|---:|---:|',
  ]
  for (const [kind, l] of Object.entries(o.byKind)) {
    const b = p?.byKind[kind]
    lines.push(
      `| ${kind} | ${l.count} | ${formatMs(l.p50)} | ${formatMs(l.p99)} | ${formatMs(b?.p50)} | ${formatMs(b?.p99)} |`,
    )
  }
  return lines
}

function e2eTable(e2e: readonly E2eResult[]): string[] {
  if (e2e.length === 0) return []
  const lines = [
    '### Loopback end to end',
    '',
    '| path | requests | passages | p50 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|',
  ]
  for (const r of e2e) {
    const path =
      r.platform === 'slack'
        ? 'Slack event → chat.postMessage at the fake Slack'
        : 'Discord interaction → callback at the fake Discord'
    if (r.measured) {
      lines.push(
        `| ${path} | ${r.latency.count} | ${r.passages} | ${formatMs(r.latency.p50)} | ${formatMs(r.latency.p99)} | ${formatMs(r.latency.max)} |`,
      )
    } else lines.push(`| ${path} | — | — | not measured: ${r.reason} | | |`)
  }
  return lines
}

/** The whole report as Markdown: machine, targets, one table per size, per-kind latency, end to end. */
export function renderTable(results: BenchResults): string {
  const m = results.machine
  const lines = [
    `## kai-bot bench — ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${results.commit}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node} (${m.platform}); load average ${m.loadStart.toFixed(1)} at start, ${m.loadEnd.toFixed(1)} at end. Run took ${Math.round(results.durationS)} s.`,
    '',
  ]
  if (results.targets.length > 0) {
    lines.push(
      '### Targets (issue 7)',
      '',
      '| size | target | limit | this run | |',
      '|---|---|---|---:|---|',
    )
    for (const t of results.targets)
      lines.push(`| ${sizeLabel(t.size)} | ${t.name} | ${t.limit} | ${t.value} | ${mark(t.met)} |`)
    lines.push('')
  }
  for (const s of results.sizes) lines.push(...sizeTable(s), '')
  for (const s of results.sizes) {
    const k = kindTable(s)
    if (k.length) lines.push(...k, '')
  }
  const e = e2eTable(results.e2e)
  if (e.length) lines.push(...e, '')
  return lines.join('\n')
}
