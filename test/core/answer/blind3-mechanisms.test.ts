import { beforeAll, describe, expect, it } from 'vitest'
import { createKaiCore, type KaiCore, loadCorpusOrThrow } from '../../../src/core/index.js'

// Mechanisms added for the failure classes of blind3's first run (test/questions/blind3-first-run.md),
// each checked with phrasings that are not in any question set.
let core: KaiCore

beforeAll(async () => {
  core = createKaiCore(await loadCorpusOrThrow('corpus'))
})

describe('colloquial predicates are how people ask, not unknown topics', () => {
  it('answers when the question ends in a past-tense colloquial verb like 났어 or 됐냐', () => {
    const a = core.ask('SKT 딥시크 논란 결론 어케 났어')
    expect(a.answered).toBe(true)
    expect(a.text).toContain('추론 코드')
  })

  it('answers when the question ends in 어떰', () => {
    expect(core.ask('업스테이지 요즘 상태 어떰').answered).toBe(true)
  })

  it('reads 안 나간다 as declining a call', () => {
    const a = core.ask('카카오 추가공모 안 나간다고 했어?')
    expect(a.answered).toBe(true)
    expect(a.text).toContain('카카오')
  })

  it('still abstains on a noun the corpus never writes', () => {
    expect(core.ask('업스테이지 작년 매출 얼마 났어').answered).toBe(false)
  })
})

describe('who made a remark', () => {
  it('finds the speaker when the question names the remark and then asks who', () => {
    const a = core.ask('근소한 차이 발언은 누가 했어')
    expect(a.intent).toBe('people')
    expect(a.text).toContain('김경만')
  })
})

describe('terms', () => {
  it('reads "X 약자" as asking what a term stands for', () => {
    const a = core.ask('MoE는 뭐의 약자임')
    expect(a.intent).toBe('glossary')
    expect(a.text).toContain('전문가')
  })

  it('does not read "original" as the programme history', () => {
    const a = core.ask('Was Motif one of the original teams?')
    expect(a.text).not.toContain('World Best LLM')
    expect(a.text).toContain('2026')
  })
})

describe('counts and re-tender claims', () => {
  it('says how many organizations a consortium lists when asked for a count', () => {
    const a = core.ask('엘지 컨소시엄 참여사 몇 곳이야?')
    expect(a.text).toContain(`${11}곳`)
  })

  it('confirms that the team chosen in the re-tender got in', () => {
    const a = core.ask('모티프 추가공모 붙었어?')
    expect(a.intent).toBe('results')
    expect(a.text).toContain('네, 맞습니다')
  })

  it('corrects a claim that the runner-up got in and names who was chosen', () => {
    const a = core.ask('트릴리온랩스 추가공모 합격했지?')
    expect(a.intent).toBe('false-premise')
    expect(a.text).toContain('모티프테크놀로지스')
  })

  it('counts a consortium asked for by 몇 곳 without naming its members', () => {
    expect(core.ask('엔씨 컨소시엄은 몇 곳이야').text).toContain('14곳')
  })

  it('abstains when a team is asked for a count its profile does not hold', () => {
    const a = core.ask('how many people work at Upstage?')
    expect(a.answered).toBe(false)
    expect(a.text).not.toContain('Solar Open')
  })
})

describe('going to a phase is advancing to it', () => {
  it('corrects "went to phase 2" for a team that was eliminated in phase 1', () => {
    const a = core.ask('엔씨가 2차 간 거 맞지?')
    expect(a.intent).toBe('false-premise')
    expect(a.text).toContain('아니요')
    expect(a.text).toContain('탈락')
  })
})

describe('a bare request for results', () => {
  it('answers "최신 결과 알려줘" and "latest results?" with the current standings', () => {
    for (const q of ['최신 결과 알려줘', 'latest results?', '결과 어떻게 됐어?']) {
      const a = core.ask(q)
      expect(a.intent).toBe('results')
      expect(a.answered).toBe(true)
      expect(a.text).toMatch(/LG AI/)
    }
  })

  it('still abstains on the results of something else', () => {
    expect(core.ask('월드컵 결과 알려줘').answered).toBe(false)
    expect(core.ask('what are the results of the election?').answered).toBe(false)
  })
})
