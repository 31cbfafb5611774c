import type { Answer, KaiCore } from '../../src/core/index.js'
import type { QuestionCase } from './questions.js'

/** One question that did not meet its expectations, with every reason. */
export interface QuestionFailure {
  q: string
  reasons: string[]
  intent: string
  text: string
}

export interface QuestionSetReport {
  total: number
  correct: number
  accuracy: number
  outOfScope: { total: number; abstained: number }
  failures: QuestionFailure[]
}

/** What a check reads of an answer: the core's Answer, or its `npm run ask -- --jsonl` JSON. */
export type CheckedAnswer = Pick<Answer, 'intent' | 'answered' | 'lang' | 'text' | 'sources'> & {
  context: { teamId?: string }
}

/** Checks one answer against its expected facts; an empty list means right. */
export function checkAnswer(c: QuestionCase, a: CheckedAnswer): string[] {
  const reasons: string[] = []
  if (c.intent !== undefined) {
    const intents = Array.isArray(c.intent) ? c.intent : [c.intent]
    if (!intents.includes(a.intent)) reasons.push(`intent ${a.intent}, expected ${intents.join('|')}`)
  }
  if (a.answered !== c.answered) reasons.push(`answered ${a.answered}, expected ${c.answered}`)
  if (c.lang && a.lang !== c.lang) reasons.push(`lang ${a.lang}, expected ${c.lang}`)
  for (const s of c.includes ?? []) if (!a.text.includes(s)) reasons.push(`missing "${s}"`)
  for (const s of c.excludes ?? []) if (a.text.includes(s)) reasons.push(`must not say "${s}"`)
  for (const group of c.includesAny ?? [])
    if (!group.some((s) => a.text.includes(s))) reasons.push(`missing one of "${group.join('" | "')}"`)
  if (c.teamId && a.context.teamId !== c.teamId)
    reasons.push(`team ${a.context.teamId}, expected ${c.teamId}`)
  if (a.answered && a.sources.length === 0 && a.intent !== 'help') reasons.push('answered without sources')
  return reasons
}

/** Scores answers already given, one per question in order: accuracy, out-of-scope abstention and every failure. */
export function scoreAnswers(
  questions: readonly QuestionCase[],
  answers: readonly CheckedAnswer[],
): QuestionSetReport {
  const failures: QuestionFailure[] = []
  let oosTotal = 0
  let oosAbstained = 0
  for (const [i, c] of questions.entries()) {
    const a = answers[i]!
    if (c.outOfScope) {
      oosTotal++
      if (!a.answered) oosAbstained++
    }
    const reasons = checkAnswer(c, a)
    if (reasons.length > 0)
      failures.push({ q: c.q.slice(0, 80), reasons, intent: a.intent, text: a.text.slice(0, 300) })
  }
  const correct = questions.length - failures.length
  return {
    total: questions.length,
    correct,
    accuracy: correct / questions.length,
    outOfScope: { total: oosTotal, abstained: oosAbstained },
    failures,
  }
}

/** Runs the quality set against a core: accuracy, out-of-scope abstention and every failure. */
export function runQuestionSet(core: KaiCore, questions: readonly QuestionCase[]): QuestionSetReport {
  const answers = questions.map((c) => {
    const context = c.after ? core.ask(c.after).context : undefined
    return core.ask(c.q, context ? { context } : {})
  })
  return scoreAnswers(questions, answers)
}

/** The report as Markdown for `npm run eval`. */
export function formatQuestionSetReport(r: QuestionSetReport): string {
  const lines = [
    '| questions | right | accuracy | out-of-scope abstained |',
    '|---|---|---|---|',
    `| ${r.total} | ${r.correct} | ${(r.accuracy * 100).toFixed(1)}% | ${r.outOfScope.abstained}/${r.outOfScope.total} |`,
  ]
  if (r.failures.length > 0) {
    lines.push('', 'Failures:')
    for (const f of r.failures) lines.push(`- ${f.q} → ${f.reasons.join('; ')}`)
  }
  return lines.join('\n')
}

/** One named question set and its report, for the combined table. */
export interface NamedReport {
  name: string
  /** How the set relates to tuning, e.g. "first blind run 55.0%". */
  note: string
  report: QuestionSetReport
}

/** Every question set in one Markdown table, then each set's failures. */
export function formatQuestionSetsTable(sets: readonly NamedReport[]): string {
  const lines = [
    '| set | questions | right | accuracy | out-of-scope abstained | note |',
    '|---|---|---|---|---|---|',
    ...sets.map(
      ({ name, note, report: r }) =>
        `| ${name} | ${r.total} | ${r.correct} | ${(r.accuracy * 100).toFixed(1)}% | ${r.outOfScope.abstained}/${r.outOfScope.total} | ${note} |`,
    ),
  ]
  for (const { name, report } of sets) {
    if (report.failures.length === 0) continue
    lines.push('', `Failures (${name}):`)
    for (const f of report.failures) lines.push(`- ${f.q} → ${f.reasons.join('; ')}`)
  }
  return lines.join('\n')
}
