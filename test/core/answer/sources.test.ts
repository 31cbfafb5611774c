import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore } from '../../../src/core/answer/create-core.js'
import type { KaiCore } from '../../../src/core/answer/types.js'
import { loadCorpusOrThrow } from '../../../src/core/corpus/load-corpus.js'
import type { Corpus } from '../../../src/core/corpus/types.js'

let corpus: Corpus
let core: KaiCore
const RANK = { official: 0, press: 1, secondary: 2 } as const

beforeAll(async () => {
  corpus = await loadCorpusOrThrow('corpus')
  core = createKaiCore(corpus)
})

function kinds(ids: string[]): number[] {
  return ids.map((id) => RANK[corpus.sources.find((s) => s.id === id)!.kind])
}

describe('sources of an answer (real corpus)', () => {
  it('lists official sources first, then the press, then mirrors and aggregators', () => {
    for (const q of [
      '1차 평가 결과 알려줘',
      'LG AI연구원 모델',
      '독파모 총예산 얼마야',
      '엘지 컨소시엄 참여사',
    ]) {
      const ranks = kinds(core.ask(q).sources.map((s) => s.id))
      expect(ranks, q).toEqual([...ranks].sort((a, b) => a - b))
    }
    expect(core.ask('1차 평가 결과 알려줘').sources[0]?.id).toBe('msit-en-phase1-results')
  })

  it('keeps the event announcement before the sources of the scores it lists', () => {
    const ids = core.ask('1차 평가 결과 알려줘').sources.map((s) => s.id)
    expect(ids.indexOf('sbs-20260115-results')).toBeLessThan(ids.indexOf('businesspost-20260115-scores'))
  })

  it('emits a source without a known address with url null, not an empty string', () => {
    const founding = core.ask('1차 평가 결과 알려줘').sources.find((s) => s.id === 'founding-article')
    expect(founding?.url).toBeNull()
  })

  it('cites the sources of every outcome a team profile states', () => {
    const a = core.ask('NC AI 알려줘')
    expect(a.text).toContain('추가 공모에 참여하지 않기로 했습니다')
    expect(a.sources.map((s) => s.id)).toContain('imbc-20260116-declined')
  })

  it('gives a why answer only facts about the team asked about', () => {
    // The Phase-1 ranking fact names all five teams; a claim fact nested under Sionic AI names Upstage.
    const naver = core.ask('네이버클라우드 왜 탈락했어?')
    expect(naver.intent).toBe('why')
    for (const other of ['NC AI', 'LG', 'SKT', '업스테이지']) expect(naver.text).not.toContain(other)
    expect(core.ask('업스테이지 진출 이유').text).not.toContain('사이오닉AI')
  })
})
