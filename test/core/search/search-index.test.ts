import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEntityMatcher } from '../../../src/core/search/entities.js'
import { buildPassages, type Passage } from '../../../src/core/search/passages.js'
import { indexFileName, loadIndex, loadOrBuildIndex, saveIndex } from '../../../src/core/search/persist.js'
import { createSearchIndex, POSTING_BUDGET } from '../../../src/core/search/search-index.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

const corpus = createSearchFixtureCorpus()
const matcher = createEntityMatcher(corpus)
const passages = buildPassages(corpus)
const ids = (hits: { passage: Passage }[]) => hits.map((h) => h.passage.id)

function passage(id: string, text: string): Passage {
  return { id, kind: 'document', refId: id, lang: 'ko', text, teams: [], sources: ['s'] }
}

describe('buildPassages', () => {
  it('renders every outcome with its reason in Korean and English', () => {
    const naver = passages.find((p) => p.refId === 'phase1-results/naver-cloud')!
    expect(naver.text).toContain('이유: 외부 인코더')
    expect(naver.text).toContain('Reason: It reused')
    expect(naver.teams).toEqual(['naver-cloud'])
  })

  it('renders two passages per fact when asked to split languages', () => {
    const split = buildPassages(corpus, { bilingual: 'split' })
    expect(split.filter((p) => p.refId === 'goal-95').map((p) => p.lang)).toEqual(['ko', 'en'])
  })

  it('indexes document paragraphs and both summaries', () => {
    expect(passages.filter((p) => p.refId === 'kosa-reaction').map((p) => p.id)).toEqual([
      'document:kosa-reaction:summary:en',
      'document:kosa-reaction:summary:ko',
      'document:kosa-reaction:0',
      'document:kosa-reaction:1',
    ])
  })
})

describe('document-frequency pruning', () => {
  it('searches only the rarest terms when the common ones would exceed the posting budget', () => {
    // 300 passages share "공통 단어"; one also has the rare 희귀어. Only the rare term is searched,
    // the common one re-ranks, and the passage with both wins.
    const many = Array.from({ length: POSTING_BUDGET / 10 }, (_, i) =>
      passage(`p${i}`, `공통 단어 문장 ${i}`),
    )
    many.push(passage('rare', '공통 단어 희귀어 문장'))
    const index = createSearchIndex(many)
    const { hits, trace } = index.explain('희귀어 공통 단어')
    expect(trace.known[0]).toEqual({ term: '희귀', df: 1 })
    expect(ids(hits)[0]).toBe('rare')
  })

  it('keeps every term when the corpus is small enough', () => {
    const index = createSearchIndex(passages, { matcher })
    const { trace } = index.explain('네이버클라우드는 왜 떨어졌어?')
    expect(trace.searched).toEqual(trace.known.map((k) => k.term))
  })

  it('records document frequency at indexing and updates it on replace and discard', () => {
    const index = createSearchIndex([passage('a', '정예팀 선정'), passage('b', '정예팀 탈락')])
    expect(index.df('정예')).toBe(2)
    index.replacePassages([passage('b', '모티프 추가')])
    expect(index.df('정예')).toBe(1)
    expect(index.df('모티')).toBe(1)
    index.discardPassages(['a'])
    expect(index.df('정예')).toBe(0)
    expect(index.size).toBe(1)
  })
})

describe('incremental updates', () => {
  it('finds new text and forgets old text after one passage is replaced', () => {
    const index = createSearchIndex(passages, { matcher })
    index.replacePassages([
      passage('document:kosa-reaction:1', '트릴리온랩스는 추가 공모에서 아쉽게 떨어졌다.'),
    ])
    expect(ids(index.search('트릴리온랩스'))[0]).toBe('document:kosa-reaction:1')
    expect(ids(index.search('게임 시뮬레이션 버티컬'))).not.toContain('document:kosa-reaction:1')
  })

  it('applies only the difference when synced to a new passage list', () => {
    const index = createSearchIndex(passages, { matcher })
    const next = passages.filter((p) => p.id !== 'document:kosa-reaction:0')
    next.push(passage('new', '새 문단'))
    expect(index.syncPassages(next)).toEqual({ added: 1, changed: 0, removed: 1 })
    expect(index.size).toBe(next.length)
  })
})

describe('persistence', () => {
  const questions = ['네이버클라우드는 왜 떨어졌어?', 'who joined later', '엘지 점수', '독파모가 뭐야']

  it('gives the same results after a save and load round trip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-index-'))
    const built = createSearchIndex(passages, { matcher })
    saveIndex(dir, corpus.hash, built)
    const loaded = loadIndex(dir, corpus, matcher)!
    for (const q of questions) expect(loaded.search(q)).toEqual(built.search(q))
  })

  it('rebuilds when the corpus hash changes and keeps only the current file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-index-'))
    expect(loadOrBuildIndex(corpus, { dataDir: dir }).origin).toBe('built')
    expect(loadOrBuildIndex(corpus, { dataDir: dir }).origin).toBe('loaded')
    const changed = { ...corpus, hash: 'another-corpus-hash' }
    expect(loadOrBuildIndex(changed, { dataDir: dir }).origin).toBe('built')
    expect(readdirSync(dir)).toEqual([indexFileName('another-corpus-hash')])
  })

  it('restores the matcher’s known words with the index instead of reading the corpus again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-index-'))
    // Source titles are words of the corpus but not of any passage.
    const sources = corpus.sources.map((x, i) => (i === 0 ? { ...x, title: `${x.title} 업스테즈지` } : x))
    loadOrBuildIndex({ ...corpus, sources }, { dataDir: dir })
    // Same hash, so the saved file is taken for this corpus: the word can only come from the file.
    const { matcher: loaded, origin } = loadOrBuildIndex(corpus, { dataDir: dir })
    expect(origin).toBe('loaded')
    expect(loaded.find('업스테즈지 모델')).toEqual([])
    expect(createEntityMatcher(corpus).find('업스테즈지 모델')).toHaveLength(1)
  })

  it('rebuilds when the corpus renders other passages than those indexed (same hash)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-index-'))
    loadOrBuildIndex(corpus, { dataDir: dir })
    const [doc] = corpus.documents
    const paragraphs = doc!.paragraphs.map((p, i) => (i === 0 ? `${p} 정정` : p))
    const edited = { ...corpus, documents: [{ ...doc!, paragraphs }] }
    expect(loadIndex(dir, edited)).toBeUndefined()
    expect(loadOrBuildIndex(edited, { dataDir: dir }).origin).toBe('built')
    expect(loadOrBuildIndex({ ...edited, documents: [] }, { dataDir: dir }).origin).toBe('built')
  })

  it('does not store the passages’ text in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-index-'))
    loadOrBuildIndex(corpus, { dataDir: dir })
    const saved = readFileSync(join(dir, indexFileName(corpus.hash)), 'utf8')
    expect(saved).not.toContain(corpus.documents[0]!.paragraphs[0]!)
  })

  it('rebuilds when the saved file is unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-index-'))
    writeFileSync(join(dir, indexFileName(corpus.hash)), '{"truncated":')
    expect(loadIndex(dir, corpus)).toBeUndefined()
    expect(loadOrBuildIndex(corpus, { dataDir: dir }).origin).toBe('built')
  })

  it('refuses an index written by another analyzer version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-index-'))
    const json = createSearchIndex(passages).toJSON()
    writeFileSync(join(dir, indexFileName(corpus.hash)), JSON.stringify({ ...json, analyzerVersion: -1 }))
    expect(loadIndex(dir, corpus)).toBeUndefined()
  })
})
