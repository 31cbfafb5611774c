import type { KaiCore } from '../../src/core/index.js'
import { checkAnswer } from './evaluate.js'
import type { QuestionCase } from './questions.js'

/**
 * The answer classes of issue 11 and the shapes every set is scored by. A question belongs to a class by
 * its tag; the older sets were tagged before the classes were named, so their tags that mean the same
 * thing count too (ALSO), and an out-of-scope case is `oos` whatever its tags.
 */
export const CLASSES = [
  'class:frame',
  'class:multi-team',
  'class:count',
  'class:describe',
  'class:goals',
  'class:names',
  'class:said',
  'oos',
  'false-premise',
  'not-in-corpus',
  'time',
] as const
export type ClassName = (typeof CLASSES)[number]

const ALSO: Partial<Record<ClassName, string[]>> = {
  'class:names': ['nickname', 'nickname-trap'],
  'class:said': ['quote', 'debate'],
  'class:goals': ['goal'],
  oos: ['out-of-scope'],
  time: ['current', 'schedule', 'date'],
}

export function inClass(c: QuestionCase, name: ClassName): boolean {
  if (name === 'oos' && c.outOfScope) return true
  return c.tags.includes(name) || (ALSO[name] ?? []).some((t) => c.tags.includes(t))
}

export interface ClassRow {
  name: string
  total: number
  right: number
}

export interface ClassReport {
  /** Per class over every set given, then 'all'. */
  rows: ClassRow[]
  /** Questions the core declined to answer, of all. */
  abstained: number
  /** Declined though the set expects an answer. */
  wrongAbstentions: number
  /** Answered though the set expects an abstention. */
  wrongAnswers: number
  total: number
}

/** Scores every question of the sets by class, with the abstention rate. */
export function classReport(core: KaiCore, sets: readonly (readonly QuestionCase[])[]): ClassReport {
  const rows = new Map<string, ClassRow>([...CLASSES, 'all'].map((n) => [n, { name: n, total: 0, right: 0 }]))
  let abstained = 0
  let wrongAbstentions = 0
  let wrongAnswers = 0
  let total = 0
  for (const set of sets)
    for (const c of set) {
      const context = c.after ? core.ask(c.after).context : undefined
      const a = core.ask(c.q, context ? { context } : {})
      const right = checkAnswer(c, a).length === 0
      total++
      if (!a.answered) abstained++
      if (!a.answered && c.answered) wrongAbstentions++
      if (a.answered && !c.answered) wrongAnswers++
      for (const name of [...CLASSES.filter((n) => inClass(c, n)), 'all']) {
        const row = rows.get(name)!
        row.total++
        if (right) row.right++
      }
    }
  return { rows: [...rows.values()], abstained, wrongAbstentions, wrongAnswers, total }
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((n / d) * 100).toFixed(1)}%`)

/** Ours beside the previous router's figures, one row per class. */
export function formatClassTable(
  ours: ClassReport,
  previous: ClassReport | undefined,
  prevLabel: string,
): string {
  const prev = new Map(previous?.rows.map((r) => [r.name, r]))
  const lines = [
    `| class | questions | ours | ${prevLabel} |`,
    '|---|---|---|---|',
    ...ours.rows.map((r) => {
      const p = prev.get(r.name)
      return `| ${r.name} | ${r.total} | ${r.right}/${r.total} (${pct(r.right, r.total)}) | ${p ? `${p.right}/${p.total} (${pct(p.right, p.total)})` : '–'} |`
    }),
  ]
  const rate = (r: ClassReport) =>
    `${pct(r.abstained, r.total)} (${r.abstained}/${r.total}; wrongly ${r.wrongAbstentions}, answered where it should abstain ${r.wrongAnswers})`
  lines.push(`| abstention rate | ${ours.total} | ${rate(ours)} | ${previous ? rate(previous) : '–'} |`)
  return lines.join('\n')
}
