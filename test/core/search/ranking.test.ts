import { describe, expect, it } from 'vitest'
import { createEntityMatcher } from '../../../src/core/search/entities.js'
import { buildPassages } from '../../../src/core/search/passages.js'
import { ABSTAIN_BELOW, createSearchIndex } from '../../../src/core/search/search-index.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

const corpus = createSearchFixtureCorpus()
const index = createSearchIndex(buildPassages(corpus), { matcher: createEntityMatcher(corpus) })
const top = (q: string) => index.search(q, { limit: 1 })[0]?.passage.refId

describe('ranking on the search fixture', () => {
  it('finds the elimination reason when the name carries a particle and the verb is colloquial', () => {
    // 네이버클라우드는 is one space-separated word for MiniSearch's default tokenizer, and the corpus says
    // 탈락, not 떨어졌어: bigrams find the name, the synonym table finds the verb, and only the outcome
    // passage has both (the team profile has the name only).
    expect(top('네이버클라우드는 왜 떨어졌어?')).toBe('phase1-results/naver-cloud')
  })

  it('matches a name written with a space that the corpus writes without one', () => {
    // "네이버 클라우드가" vs "네이버클라우드": the entity matcher skips the space between Hangul syllables.
    expect(top('네이버 클라우드가 탈락한 이유')).toBe('phase1-results/naver-cloud')
  })

  it('expands a Korean nickname to the official name', () => {
    // 엘지 never occurs in the corpus; the alias table maps it to LG AI연구원 / LG AI Research, and
    // 올라갔어 means 진출: the phase-1 event summary and LG's phase-1 outcome both state it; the team
    // profile (name only) and the selection outcome (선정, not 진출) must not win.
    expect(['phase1-results', 'phase1-results/lg-ai-research']).toContain(top('엘지는 2차에 올라갔어?'))
  })

  it('recovers from a one-syllable typo in a team name', () => {
    // 업스테이즈 is one edit from 업스테이지 (5 syllables, so eligible); with 진출 and 2차 only the
    // phase-1 event summary and Upstage's phase-1 outcome match the team, the verb and the phase.
    expect(['phase1-results', 'phase1-results/upstage']).toContain(top('업스테이즈 2차 진출'))
  })

  it('answers an English question from the bilingual rendering of a Korean fact', () => {
    // The reason is stored as Korean and English text; "eliminated" and "Naver Cloud" are in the English half.
    expect(top('Why was Naver Cloud eliminated?')).toBe('phase1-results/naver-cloud')
  })

  it('uses the number+counter term to tell the phases apart', () => {
    // "2차" is a term of its own, so the scheduled second-stage evaluation beats the first-stage events.
    expect(top('2차 평가는 언제 해?')).toBe('phase2-evaluation')
  })

  it('maps a paraphrased verb to the corpus word in English', () => {
    // "joined" is in the synonym table for 추가/added; Motif is the only team added later.
    expect(index.search('which team joined later', { limit: 2 }).map((h) => h.passage.teams)).toContainEqual([
      'motif',
    ])
  })

  it('finds a program by its nickname', () => {
    // 독파모 is an alias of the program; its summary passage lists the aliases and the definition.
    expect(top('독파모가 뭐야')).toBe('k-ai')
  })

  it('restricts results by kind when the caller knows what it wants', () => {
    // The router asks for quotes: the person passage ranks higher overall but is filtered out.
    expect(index.search('류제명 차관이 뭐라고 했어', { kinds: ['quote'] })[0]?.passage.refId).toBe(
      'ryu-fix-criteria',
    )
  })

  it('restricts results by team', () => {
    const hits = index.search('탈락', { teams: ['nc-ai'] })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((h) => h.passage.teams.includes('nc-ai'))).toBe(true)
  })
})

describe('coverage as the abstain signal', () => {
  it.each(['오늘 서울 날씨 어때?', '비트코인 가격 알려줘', 'who won the world cup', '점심 메뉴 추천해줘'])(
    'is below the threshold for the out-of-scope question %s',
    (q) => {
      expect(index.search(q, { limit: 1 })[0]?.coverage ?? 0).toBeLessThan(ABSTAIN_BELOW)
    },
  )

  it.each(['네이버클라우드는 왜 떨어졌어?', 'Why was Naver Cloud eliminated?', '엘지는 2차에 올라갔어?'])(
    'is at or above the threshold for the in-scope question %s',
    (q) => {
      expect(index.search(q, { limit: 1 })[0]!.coverage).toBeGreaterThanOrEqual(ABSTAIN_BELOW)
    },
  )
})
