/**
 * `npm run score -- SET.json ANSWERS.jsonl`: scores the answers `npm run ask -- --jsonl` gave to a question set
 * kept as JSON (blind sets are written and first run this way, without reading the engine). Prints the
 * Markdown report that test/questions/*-first-run.md records. The set is a JSON array of QuestionCase;
 * ANSWERS.jsonl holds one answer per question, in the set's order.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { type CheckedAnswer, formatQuestionSetReport, scoreAnswers } from '../test/questions/evaluate.js'
import { type QuestionCase, QuestionCaseSchema } from '../test/questions/questions.js'

const AnswerJson = z.object({
  question: z.string(),
  intent: z.string(),
  answered: z.boolean(),
  lang: z.enum(['ko', 'en']),
  text: z.string(),
  sources: z.array(z.object({ id: z.string() }).passthrough()),
  context: z.object({ teamId: z.string().optional() }).passthrough(),
})

const [setPath, answersPath] = process.argv.slice(2)
if (!setPath || !answersPath) {
  console.error('usage: npm run score -- SET.json ANSWERS.jsonl')
  process.exit(2)
}
const cases: QuestionCase[] = z.array(QuestionCaseSchema).parse(JSON.parse(readFileSync(setPath, 'utf8')))
const lines = readFileSync(answersPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
if (lines.length !== cases.length) {
  console.error(`${answersPath} has ${lines.length} answers for ${cases.length} questions`)
  process.exit(2)
}
const answers = lines.map((l) => AnswerJson.parse(JSON.parse(l)) as unknown as CheckedAnswer)
console.log(formatQuestionSetReport(scoreAnswers(cases, answers)))
