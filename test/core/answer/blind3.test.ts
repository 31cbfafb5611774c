import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore, type KaiCore, loadCorpusOrThrow } from '../../../src/core/index.js'
import { BLIND3 } from '../../questions/blind3.js'
import { formatQuestionSetReport, runQuestionSet } from '../../questions/evaluate.js'

let core: KaiCore

beforeAll(async () => {
  core = createKaiCore(await loadCorpusOrThrow('corpus'))
})

const tagged = (tag: string) => BLIND3.filter((c) => c.tags.includes(tag)).length

describe('third blind question set on the real corpus', () => {
  it('holds 60 questions covering every kind the brief asks for', () => {
    expect(BLIND3.length).toBe(60)
    expect(BLIND3.filter((c) => c.outOfScope).length).toBeGreaterThanOrEqual(8)
    expect(tagged('false-premise')).toBeGreaterThanOrEqual(5)
    expect(tagged('not-in-corpus')).toBeGreaterThanOrEqual(5)
    expect(tagged('conflict')).toBeGreaterThanOrEqual(3)
    expect(tagged('retender')).toBeGreaterThanOrEqual(5)
    expect(tagged('dispute')).toBeGreaterThanOrEqual(4)
    expect(tagged('debate')).toBeGreaterThanOrEqual(3)
    expect(tagged('scores')).toBeGreaterThanOrEqual(5)
    expect(tagged('quote')).toBeGreaterThanOrEqual(4)
    expect(tagged('ko')).toBeGreaterThanOrEqual(38)
    expect(tagged('en')).toBeGreaterThanOrEqual(16)
    expect(tagged('mixed')).toBeGreaterThanOrEqual(6)
  })

  it('answers at least 90% right and abstains on every out-of-scope question', () => {
    const report = runQuestionSet(core, BLIND3)
    if (report.failures.length > 0) console.log(formatQuestionSetReport(report))
    expect(report.outOfScope.abstained).toBe(report.outOfScope.total)
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9)
  })
})
