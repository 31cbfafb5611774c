import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore, type KaiCore, loadCorpusOrThrow } from '../../../src/core/index.js'
import { BLIND2 } from '../../questions/blind2.js'
import { formatQuestionSetReport, runQuestionSet } from '../../questions/evaluate.js'

let core: KaiCore

beforeAll(async () => {
  core = createKaiCore(await loadCorpusOrThrow('corpus'))
})

const tagged = (tag: string) => BLIND2.filter((c) => c.tags.includes(tag)).length

describe('second blind question set on the real corpus', () => {
  it('holds 60 questions covering every kind the brief asks for', () => {
    expect(BLIND2.length).toBe(60)
    expect(BLIND2.filter((c) => c.outOfScope).length).toBeGreaterThanOrEqual(8)
    expect(tagged('false-premise')).toBeGreaterThanOrEqual(5)
    expect(tagged('not-in-corpus')).toBeGreaterThanOrEqual(5)
    expect(tagged('conflict')).toBeGreaterThanOrEqual(3)
    expect(tagged('debate')).toBeGreaterThanOrEqual(5)
    expect(tagged('scores')).toBeGreaterThanOrEqual(5)
    expect(tagged('quote')).toBeGreaterThanOrEqual(3)
    expect(tagged('ko')).toBeGreaterThanOrEqual(38)
    expect(tagged('en')).toBeGreaterThanOrEqual(15)
    expect(tagged('mixed')).toBeGreaterThanOrEqual(5)
  })

  it('answers at least 90% right and abstains on every out-of-scope question', () => {
    const report = runQuestionSet(core, BLIND2)
    if (report.failures.length > 0) console.log(formatQuestionSetReport(report))
    expect(report.outOfScope.abstained).toBe(report.outOfScope.total)
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9)
  })
})
