import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore, type KaiCore, loadCorpusOrThrow } from '../../../src/core/index.js'
import { formatQuestionSetReport, runQuestionSet } from '../../questions/evaluate.js'
import { QUESTIONS } from '../../questions/questions.js'

let core: KaiCore

beforeAll(async () => {
  core = createKaiCore(await loadCorpusOrThrow('corpus'))
})

describe('question set on the real corpus', () => {
  it('holds at least 120 questions', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(120)
  })

  it('answers at least 95% right and abstains on every out-of-scope question', () => {
    const report = runQuestionSet(core, QUESTIONS)
    if (report.failures.length > 0) console.log(formatQuestionSetReport(report))
    expect(report.outOfScope.abstained).toBe(report.outOfScope.total)
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95)
  })
})
