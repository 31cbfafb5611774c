import { describe, expect, it } from 'vitest'
import { formatCorpusIssue, loadCorpus } from '../../../src/core/index.js'

describe('the shipped corpus', () => {
  it('loads without a single issue when read from corpus/', async () => {
    const result = await loadCorpus('corpus')
    expect(result.ok ? [] : result.issues.map(formatCorpusIssue)).toEqual([])
  })
})
