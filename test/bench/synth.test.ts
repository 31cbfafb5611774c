import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeQuestions, QUESTION_MIX } from '../../bench/questions.js'
import { hashCorpus, makeCorpus, particle, withChangedDocument } from '../../bench/synth.js'
import { writeCorpusDir } from '../../bench/write-corpus.js'
import { loadCorpusSync } from '../../src/core/corpus/load-corpus.js'
import { formatCorpusIssue } from '../../src/core/errors.js'
import { buildPassages } from '../../src/core/search/passages.js'

const countPassages = (c: Parameters<typeof buildPassages>[0]) => buildPassages(c).length

describe('makeCorpus', () => {
  it('returns the same corpus when called twice with the same size and seed', () => {
    const a = makeCorpus(1000)
    const b = makeCorpus(1000)
    expect(JSON.stringify(a.corpus)).toBe(JSON.stringify(b.corpus))
    expect(a.corpus.hash).toBe(b.corpus.hash)
  })

  it('returns a different corpus when the seed differs', () => {
    expect(makeCorpus(1000, { seed: 1 }).corpus.hash).not.toBe(makeCorpus(1000, { seed: 2 }).corpus.hash)
  })

  it('gives exactly the requested number of passages when the real buildPassages counts them', () => {
    for (const size of [500, 1000, 3000]) {
      const { corpus } = makeCorpus(size, { countPassages })
      expect(buildPassages(corpus)).toHaveLength(size)
    }
  })

  it('writes a corpus the real loader accepts without a single issue when written to disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-synth-'))
    try {
      const { corpus } = makeCorpus(1500, { countPassages })
      writeCorpusDir(corpus, dir)
      const loaded = loadCorpusSync(dir)
      expect(loaded.ok ? [] : loaded.issues.map(formatCorpusIssue)).toEqual([])
      if (loaded.ok) {
        expect(loaded.corpus.documents).toHaveLength(corpus.documents.length)
        expect(buildPassages(loaded.corpus)).toHaveLength(1500)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('writes Korean and English document paragraphs of about 300 characters', () => {
    const { corpus } = makeCorpus(2000)
    const paragraphs = corpus.documents.flatMap((d) => d.paragraphs)
    const mean = paragraphs.reduce((s, p) => s + p.length, 0) / paragraphs.length
    expect(mean).toBeGreaterThan(250)
    expect(mean).toBeLessThan(400)
    expect(new Set(corpus.documents.map((d) => d.language))).toEqual(new Set(['ko', 'en']))
  })

  it('changes one document and the hash when a document is edited', () => {
    const { corpus } = makeCorpus(1000)
    const next = withChangedDocument(corpus)
    const changed = next.documents.filter((d, i) => d !== corpus.documents[i])
    expect(changed).toHaveLength(1)
    expect(next.hash).not.toBe(corpus.hash)
    expect(hashCorpus(next)).toBe(next.hash)
  })
})

describe('particle', () => {
  it('picks the form after a final consonant when the word ends in one', () => {
    expect(particle('업스테이지', 'topic')).toBe('는')
    expect(particle('LG AI연구원', 'topic')).toBe('은')
    expect(particle('정예팀', 'subject')).toBe('이')
    expect(particle('데이터', 'object')).toBe('를')
  })
})

describe('makeQuestions', () => {
  it('returns the same questions in the same order when called twice on the same corpus', () => {
    const { corpus } = makeCorpus(1000)
    expect(makeQuestions(corpus)).toEqual(makeQuestions(corpus))
  })

  it('returns at least 1,000 questions with every kind of the mix when given the default mix', () => {
    const { corpus } = makeCorpus(1000)
    const questions = makeQuestions(corpus)
    expect(questions.length).toBeGreaterThanOrEqual(1000)
    for (const [kind, count] of Object.entries(QUESTION_MIX)) {
      expect(questions.filter((q) => q.kind === kind)).toHaveLength(count)
    }
    expect(questions.every((q) => q.text.trim().length > 0)).toBe(true)
  })

  it('names corpus teams in team questions and misspells them in typo questions', () => {
    const { corpus } = makeCorpus(1000)
    const names = corpus.teams.flatMap((t) => [t.name.ko, ...t.aliases])
    const questions = makeQuestions(corpus)
    const team = questions.filter((q) => q.kind === 'ko-team')
    expect(team.every((q) => names.some((n) => q.text.includes(n)))).toBe(true)
    const typos = questions.filter((q) => q.kind === 'ko-typo')
    expect(typos.some((q) => !corpus.teams.some((t) => q.text.includes(t.name.ko)))).toBe(true)
  })
})
