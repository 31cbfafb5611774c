import { describe, expect, it } from 'vitest'
import { diffCorpus } from '../../../src/core/search/corpus-diff.js'
import {
  createEntityMatcher,
  editDistanceAtMostOne,
  updateEntityMatcher,
} from '../../../src/core/search/entities.js'
import { normalizeText } from '../../../src/core/search/normalize.js'
import { canonicalTerms, findSynonyms } from '../../../src/core/search/synonyms.js'
import { createSearchFixtureCorpus } from '../../fixtures/search/corpus.js'

const corpus = createSearchFixtureCorpus()
const matcher = createEntityMatcher(corpus)
const ids = (text: string) => matcher.find(text).map((m) => `${m.kind}:${m.id}${m.exact ? '' : '~'}`)

describe('createEntityMatcher().find', () => {
  it.each([
    ['네이버클라우드는 왜 떨어졌어?', 'team:naver-cloud'],
    ['네이버 클라우드가 탈락한 이유', 'team:naver-cloud'],
    ['LG AI연구원이 1등이야?', 'team:lg-ai-research'],
    ['LGAI연구원 점수', 'team:lg-ai-research'],
    ['엘지는 진출했어?', 'team:lg-ai-research'],
    ['SKT가 만든 모델', 'team:skt'],
    ['lg ai research score', 'team:lg-ai-research'],
    ['Naver Cloud eliminated', 'team:naver-cloud'],
    ['navercloud', 'team:naver-cloud'],
    ['K-EXAONE은 몇 B야', 'model:k-exaone'],
    ['kexaone', 'model:k-exaone'],
    ['A.X K1 파라미터', 'model:ax-k1'],
    ['AX K1', 'model:ax-k1'],
    ['과기정통부 예산', 'organization:msit'],
    ['독파모가 뭐야', 'program:k-ai'],
    ['프롬 스크래치 뜻', 'term:originality'],
    ['ＳＫＴ는', 'team:skt'],
  ])('recognises the name in %s when it carries particles, spacing or case variants', (text, expected) => {
    expect(ids(text)).toEqual([expected])
  })

  it.each([
    ['업스테즈지 모델', 'team:upstage~'],
    ['네이버클라우듸 점수', 'team:naver-cloud~'],
    ['did upstgae advance', 'team:upstage~'],
    ['업스테이 모델', 'team:upstage~'],
  ])('matches a one-edit typo of a long name in %s', (text, expected) => {
    expect(ids(text)).toEqual([expected])
  })

  it('prefers the longest name when a shorter alias starts at the same place', () => {
    // "LG" is an alias too, but "LG AI연구원" is the longer, more specific name.
    const [mention] = matcher.find('LG AI연구원이 1등?')
    expect(mention?.surface).toBe('LG AI연구원')
  })

  it('reports offsets into the input so the router can cut the name out', () => {
    const text = '근데 엘지는 진출했어?'
    const [mention] = matcher.find(text)
    expect(text.slice(mention!.start, mention!.end)).toBe('엘지')
  })

  it('finds several names in one question in text order', () => {
    expect(ids('SKT랑 업스테이지 중에 누가 점수가 높아?')).toEqual(['team:skt', 'team:upstage'])
  })

  it('does not match a Latin name inside a longer word', () => {
    // KT is a team; KTX (the train) and "kto" are not.
    expect(ids('KTX 타고 가는 중')).toEqual([])
    expect(ids('skto')).toEqual([])
  })

  it('does not take ordinary words for misspelt team names', () => {
    const ordinary = [
      'never mind',
      'the nature of models',
      'upstairs and upstate',
      'a motive for it',
      'polar and sonar',
      '네이버웹툰 보는 중',
      '업데이트 했어?',
      '스테이지 위에서',
      '클라우드 서비스',
      '오늘 서울 날씨 어때?',
      '비트코인 가격 알려줘',
      'who won the world cup',
      '카카오톡 보내줘',
      '모티베이션이 필요해',
    ]
    for (const text of ordinary) {
      expect(
        matcher.find(text).filter((m) => !m.exact),
        text,
      ).toEqual([])
    }
  })

  it('does not read a real word beside a name as a typo of a longer alias that holds the name', () => {
    // "업스테이지 목표" (goal) is one edit from the alias "업스테이지 대표" (CEO), but 목표 is a real word:
    // the question names the team, not the person; a real misspelling of the alias still matches.
    const ceo = { ...corpus.people[0]!, id: 'upstage-ceo', aliases: ['업스테이지 대표'], quotes: [] }
    const withCeo = createEntityMatcher({ ...corpus, people: [...corpus.people, ceo] })
    const found = (text: string) => withCeo.find(text).map((m) => `${m.kind}:${m.id}${m.exact ? '' : '~'}`)
    expect(found('업스테이지 목표가 뭐야')).toEqual(['team:upstage'])
    expect(found('업스테이지목표')).toEqual(['team:upstage'])
    expect(found('업스테이지 대퓨 누구야')).toEqual(['person:upstage-ceo~'])
  })

  it('never fuzzy-matches on a word that the corpus itself uses', () => {
    const words = new Set<string>()
    for (const event of corpus.events)
      for (const w of normalizeText(event.summary.ko).split(' ')) words.add(w)
    for (const paragraph of corpus.documents[0]!.paragraphs)
      for (const w of normalizeText(paragraph).split(' ')) words.add(w)
    for (const word of words) {
      expect(
        matcher.find(word).filter((m) => !m.exact),
        word,
      ).toEqual([])
    }
  })

  it('returns canonical names of a matched entity', () => {
    expect(matcher.get('team', 'lg-ai-research')?.names).toEqual({ ko: 'LG AI연구원', en: 'LG AI Research' })
  })
})

describe('updateEntityMatcher', () => {
  const document = corpus.documents[0]!
  const editDocument = (extra: string) => {
    const paragraphs = [...document.paragraphs, extra]
    return { ...corpus, documents: [{ ...document, paragraphs, body: paragraphs.join('\n\n') }] }
  }
  const found = (m: ReturnType<typeof createEntityMatcher>, text: string) =>
    m.find(text).map((x) => `${x.kind}:${x.id}${x.exact ? '' : '~'}`)

  it('takes a word an edited document now writes for a real word, as a full build does', () => {
    expect(found(matcher, '업스테즈지 모델')).toEqual(['team:upstage~'])
    const edited = editDocument('업스테즈지라는 회사도 있다.')
    expect(found(createEntityMatcher(edited), '업스테즈지 모델')).toEqual([])
    expect(
      found(updateEntityMatcher(matcher, edited, diffCorpus(corpus, edited)), '업스테즈지 모델'),
    ).toEqual([])
    // The matcher it was updated from is left as it was.
    expect(found(matcher, '업스테즈지 모델')).toEqual(['team:upstage~'])
  })

  it('finds the same names as a full build after a document edit', () => {
    const edited = editDocument('정부는 후속 대책을 검토했다.')
    const updated = updateEntityMatcher(matcher, edited, diffCorpus(corpus, edited))
    const fresh = createEntityMatcher(edited)
    for (const text of [
      '엘지는 진출했어?',
      'navercloud',
      '업스테이지 대퓨',
      '네이버클라우듸 결과',
      'AX K1',
    ]) {
      expect(found(updated, text), text).toEqual(found(fresh, text))
    }
  })

  it('builds afresh when a name or alias changed', () => {
    const teams = corpus.teams.map((t) => (t.id === 'upstage' ? { ...t, aliases: ['솔라팀'] } : t))
    const renamed = { ...corpus, teams }
    expect(found(matcher, '솔라팀 결과')).toEqual([])
    expect(found(updateEntityMatcher(matcher, renamed, diffCorpus(corpus, renamed)), '솔라팀 결과')).toEqual([
      'team:upstage',
    ])
  })

  it('reads words of edited facts, not only of documents', () => {
    const facts = [...corpus.facts]
    facts[0] = { ...facts[0]!, ko: `${facts[0]!.ko} 업스테즈지도 언급됐다.` }
    const edited = { ...corpus, facts }
    expect(
      found(updateEntityMatcher(matcher, edited, diffCorpus(corpus, edited)), '업스테즈지 모델'),
    ).toEqual([])
  })
})

describe('editDistanceAtMostOne', () => {
  const chars = (s: string) => [...s]
  it.each([
    ['upstage', 'upstgae', true],
    ['업스테이지', '업스테이즈', true],
    ['업스테이지', '업스테이', true],
    ['upstage', 'uupstage', true],
    ['upstage', 'upstage', false],
    ['upstage', 'upstaeg2', false],
    ['naver', 'nvaer', true],
    ['naver', 'nvare', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(editDistanceAtMostOne(chars(a), chars(b))).toBe(expected)
  })
})

describe('findSynonyms', () => {
  it.each([
    ['네이버는 왜 떨어졌어?', 'eliminated'],
    ['탈락한 팀은?', 'eliminated'],
    ['who was eliminated', 'eliminated'],
    ['who got cut', 'eliminated'],
    ['누가 올라갔어?', 'advanced'],
    ['2차에 붙은 팀', 'advanced'],
    ['살아남은 팀', 'advanced'],
    ['who made it to round two', 'advanced'],
    ['처음에 뽑힌 팀', 'selected'],
    ['which teams were chosen', 'selected'],
    ['새로 합류한 팀', 'added'],
    ['who joined later', 'added'],
    ['예산이 얼마야', 'budget'],
  ])('maps %s to %s', (text, concept) => {
    expect(findSynonyms(text).map((m) => m.concept)).toContain(concept)
  })

  it('does not read "얼마나" (how many/how long) as money', () => {
    expect(findSynonyms('팀이 얼마나 남았어?').map((m) => m.concept)).not.toContain('budget')
  })

  it('gives the corpus words in both languages', () => {
    expect(canonicalTerms('떨어졌어')).toEqual(['탈락', 'eliminated'])
  })
})
