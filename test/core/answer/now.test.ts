import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore } from '../../../src/core/answer/create-core.js'
import type { KaiCore } from '../../../src/core/answer/types.js'
import { loadCorpusOrThrow } from '../../../src/core/corpus/load-corpus.js'
import type { Corpus } from '../../../src/core/corpus/types.js'
import { programNow } from '../../../src/core/time/program-now.js'

// The real corpus: its calendar (selection 2025-08-04, Phase 1 2026-01-15, Phase 2 "2026-08", final "2026-12")
// is what these answers reason over. Each clock is pinned at noon in Seoul.
let corpus: Corpus
const cores = new Map<string, KaiCore>()

function at(day: string): KaiCore {
  let core = cores.get(day)
  if (!core) {
    core = createKaiCore(corpus, { clock: { now: () => new Date(`${day}T03:00:00Z`) } })
    cores.set(day, core)
  }
  return core
}

beforeAll(async () => {
  corpus = await loadCorpusOrThrow('corpus')
})

describe('today: 2026-12-04', () => {
  it('calls the August Phase-2 evaluation overdue, never 예정, and names the final selection as next', () => {
    const a = at('2026-12-04').ask('다음 평가 언제야')
    expect(a.intent).toBe('next')
    expect(a.text).toContain(
      '2026년 8월로 예정됐던 2차 평가의 결과는 자료에 아직 없습니다 (자료 기준 2026년 7월 31일).',
    )
    expect(a.text).not.toContain('(예정) (예정)')
    expect(a.text).toContain('다음 일정은 최종 2개 팀 선정으로, 2026년 12월로 예정되어 있습니다')
    // The final-two timing is a conflict in the corpus and stays one.
    expect(a.blocks.conflict).toBe(true)
    expect(a.text).toContain('2027년 2월에 정한다')
    expect(a.text).toContain('126일 앞섭니다')
  })

  it('answers "what is next" in English', () => {
    const a = at('2026-12-04').ask("what's next?")
    expect(a.lang).toBe('en')
    expect(a.text).toContain(
      'The second-stage evaluation was scheduled for August 2026; its results are not in the sources yet',
    )
    expect(a.text).toContain('Next: Final two teams chosen, scheduled for December 2026.')
  })

  it('places the programme in stage 2 with four teams and the overdue caveat', () => {
    const a = at('2026-12-04').ask('지금 몇 차야')
    expect(a.intent).toBe('stage')
    expect(a.text).toContain('2차 단계입니다')
    expect(a.text).toContain('LG AI연구원, SK텔레콤, 업스테이지와 모티프테크놀로지스 4곳')
    expect(a.text).toContain('예정됐던 2차 평가의 결과는 자료에 아직 없습니다')
    const en = at('2026-12-04').ask('where are we now?')
    expect(en.text).toContain('in stage 2, with 4 elite teams still in')
    expect(at('2026-12-04').ask('현재 상황').intent).toBe('stage')
  })

  it('lists the newest news first, with dates, and says how old the sources are', () => {
    const a = at('2026-12-04').ask('최신 소식')
    expect(a.intent).toBe('latest')
    expect(a.answered).toBe(true)
    const lines = a.text.split('\n').filter((l) => l.startsWith('• '))
    expect(lines[0]).toContain('2026년 7월 31일')
    expect(lines.length).toBeGreaterThan(2)
    expect(a.text).toContain(
      '참고: 저장된 자료 가운데 가장 새로운 것은 2026년 7월 31일 자료로, 오늘(2026년 12월 4일)보다 126일 앞섭니다.',
    )
    expect(at('2026-12-04').ask("what's new?").text).toContain(
      'Note: the newest stored source is from July 31, 2026, 126 days before today',
    )
    expect(at('2026-12-04').ask('요즘 어때?').intent).toBe('latest')
    expect(at('2026-12-04').ask('latest').intent).toBe('latest')
  })

  it('marks the timeline by today instead of copying "(예정)" from titles', () => {
    const a = at('2026-12-04').ask('2차 평가 언제야?')
    expect(a.text).toContain('2026년 8월: 2차 단계 평가 (예정일 지남, 결과 자료 없음)')
    expect(a.text).not.toMatch(/\(예정\)\s*\(예정\)/)
  })

  it('carries the date of the newest source used as "as of"', () => {
    expect(at('2026-12-04').ask('지금 몇 차야').blocks.asOf).toBe('2026-06-05')
  })
})

describe('before the selection: 2025-07-30', () => {
  it('is before the elite teams are chosen and the next event is the selection', () => {
    const core = at('2025-07-30')
    const stage = core.ask('지금 몇 차야')
    expect(stage.text).toContain('정예팀을 뽑기 전 단계입니다')
    expect(stage.text).not.toContain('결과 자료 없음')
    const next = core.ask('what comes next?')
    expect(next.text).toMatch(/Next: .*August 4, 2025 \(in 5 days\)/)
    // Sources from the future of the clock are not "old": no horizon note.
    expect(stage.text).not.toContain('참고:')
  })
})

describe('between stages: 2026-03-10', () => {
  it('is in stage 2 with the August evaluation still ahead, planned, not overdue', () => {
    const core = at('2026-03-10')
    const a = core.ask('다음 평가 언제야')
    expect(a.text).toContain('다음 일정은 2차 평가로, 2026년 8월로 예정되어 있습니다.')
    expect(a.text).not.toContain('예정됐던')
    expect(core.ask('2차 평가 언제야').text).toContain('2026년 8월: 2차 단계 평가 (예정)')
    expect(programNow(corpus, '2026-03-10').overdue).toEqual([])
  })
})

describe('far future: 2030-01-01', () => {
  it('knows of nothing next, says so, and shows the conflicting expectations', () => {
    const a = at('2030-01-01').ask('다음 평가 언제야')
    expect(a.text).toContain('자료에는 오늘(2030년 1월 1일) 이후로 알려진 평가 일정이 없습니다.')
    expect(a.text).toContain('2026년 12월로 예정됐던 최종 2개 팀 선정의 결과는 자료에 아직 없습니다')
    expect(a.blocks.conflict).toBe(true)
    const en = at('2030-01-01').ask('when is the next evaluation?')
    expect(en.text).toContain('The sources know of no evaluation after today (January 1, 2030).')
  })
})
