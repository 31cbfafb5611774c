import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore, type KaiCore, loadCorpusOrThrow } from '../../../src/core/index.js'
import { formatQuestionSetReport, runQuestionSet } from '../../questions/evaluate.js'
import { HOLDOUT } from '../../questions/holdout.js'

let core: KaiCore

beforeAll(async () => {
  core = createKaiCore(await loadCorpusOrThrow('corpus'))
})

describe('held-out question set on the real corpus', () => {
  it('holds at least 60 questions, 10 of them out of scope', () => {
    expect(HOLDOUT.length).toBeGreaterThanOrEqual(60)
    expect(HOLDOUT.filter((c) => c.outOfScope).length).toBeGreaterThanOrEqual(10)
  })

  it('answers at least 90% right and abstains on every out-of-scope question', () => {
    const report = runQuestionSet(core, HOLDOUT)
    if (report.failures.length > 0) console.log(formatQuestionSetReport(report))
    expect(report.outOfScope.abstained).toBe(report.outOfScope.total)
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9)
  })
})
