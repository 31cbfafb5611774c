import type { Intent } from '../../src/core/index.js'
import type { QuestionCase } from './questions.js'

/**
 * Third blind set: 60 questions written from corpus/ and the source texts only, without reading the answer
 * engine, the search code or the other question lists. Typed the way people write in Slack or Discord
 * (nicknames, dropped particles, typos, no spaces, half-English). Each expectation is a fact a right answer must
 * hold according to the corpus (the corpus item is named in a comment); the first run is recorded in
 * blind3-first-run.md before any fix.
 */

const OOS: Intent[] = ['out-of-scope', 'unknown', 'search']
/** The corpus does not hold the answer: any route, as long as the bot says it does not know. */
const NOT_KNOWN: Intent[] = [
  'out-of-scope',
  'unknown',
  'search',
  'people',
  'team',
  'program',
  'glossary',
  'results',
]
/** A wrong claim must be corrected, by whichever route reads the facts. */
const CORRECTED: Intent[] = ['false-premise', 'results', 'team', 'why', 'program', 'timeline']
const SCORES: Intent[] = ['results', 'team', 'program', 'search', 'why']
const TEAM: Intent[] = ['team', 'search']
const RESULTS: Intent[] = ['results', 'team', 'timeline', 'search']
const WHEN: Intent[] = ['timeline', 'program', 'results', 'search']
const PROGRAM: Intent[] = ['program', 'search', 'glossary', 'timeline']
const QUOTE: Intent[] = ['people', 'search']
const DEBATE: Intent[] = ['people', 'why', 'program', 'search']
const GLOSSARY: Intent[] = ['glossary', 'search', 'program']
const WHY: Intent[] = ['why', 'results', 'team', 'search']
const DISPUTE: Intent[] = ['team', 'why', 'search', 'people', 'timeline']

export const BLIND3: QuestionCase[] = [
  // ---------------------------------------------------------------- out of scope (some with team-name traps)
  { q: '내일 서울 비 와?', intent: OOS, answered: false, outOfScope: true, tags: ['oos', 'ko'] },
  {
    // NC 다이노스 is a baseball club, not NC AI.
    q: '엔씨 다이노스 어제 경기 이겼냐',
    intent: OOS,
    answered: false,
    outOfScope: true,
    tags: ['oos', 'ko', 'nickname-trap'],
  },
  {
    q: 'LG 트윈스 올해 우승 가능성 있음?',
    intent: OOS,
    answered: false,
    outOfScope: true,
    tags: ['oos', 'ko', 'nickname-trap'],
  },
  {
    q: 'SKT 5G 요금제 뭐가 젤 싸?',
    intent: OOS,
    answered: false,
    outOfScope: true,
    tags: ['oos', 'ko', 'nickname-trap'],
  },
  {
    q: '네이버 웹툰 요즘 볼만한거 추천 좀',
    intent: OOS,
    answered: false,
    outOfScope: true,
    tags: ['oos', 'ko', 'nickname-trap'],
  },
  {
    q: "what's nvidia's stock price today?",
    intent: OOS,
    answered: false,
    outOfScope: true,
    tags: ['oos', 'en'],
  },
  { q: 'how do i make kimchi jjigae', intent: OOS, answered: false, outOfScope: true, tags: ['oos', 'en'] },
  { q: 'who won the 2022 world cup', intent: OOS, answered: false, outOfScope: true, tags: ['oos', 'en'] },

  // ---------------------------------------------------------------- false premises
  {
    // T7: NC AI had the lowest total and was eliminated.
    q: 'NC AI 2차 올라갔잖아 맞지?',
    intent: CORRECTED,
    answered: true,
    lang: 'ko',
    includes: ['탈락'],
    tags: ['false-premise', 'ko'],
  },
  {
    // E8/E9: LG AI Research came first with 90.2.
    q: '네이버가 1차 1등 했다며?',
    intent: [...CORRECTED, 'search'],
    answered: true,
    lang: 'ko',
    includes: ['LG AI연구원'],
    tags: ['false-premise', 'ko', 'scores', 'nickname'],
  },
  {
    // T4, T11: Motif was dropped at the August 2025 selection and only added in February 2026.
    q: 'Motif was one of the original five elite teams, right?',
    intent: CORRECTED,
    answered: true,
    lang: 'en',
    includes: ['2026'],
    teamId: 'motif',
    tags: ['false-premise', 'en'],
  },
  {
    // P12: SKT was left out of government GPU support until H2 2026 (it supplied the GPU-rental program).
    q: 'SKT도 정부 GPU 지원 받았지?',
    intent: [...CORRECTED, 'search'],
    answered: true,
    lang: 'ko',
    includes: ['하반기'],
    tags: ['false-premise', 'ko', 'gpu'],
  },
  {
    // T11: Motif was picked; Trillion Labs was the runner-up.
    q: '트릴리온랩스가 추가공모 붙었다며',
    intent: CORRECTED,
    answered: true,
    lang: 'ko',
    includes: ['모티프'],
    tags: ['false-premise', 'ko', 'retender'],
  },
  {
    // T7: Upstage advanced to Phase 2.
    q: 'Upstage got knocked out in phase 1 right?',
    intent: CORRECTED,
    answered: true,
    lang: 'en',
    includes: ['Upstage', 'advanced'],
    tags: ['false-premise', 'en'],
  },

  // ---------------------------------------------------------------- not in the corpus
  {
    q: '업스테이지 직원 몇 명이야?',
    intent: NOT_KNOWN,
    answered: false,
    lang: 'ko',
    tags: ['not-in-corpus', 'ko'],
  },
  {
    q: 'K-엑사원 학습하는데 돈 얼마 들었어?',
    intent: NOT_KNOWN,
    answered: false,
    lang: 'ko',
    tags: ['not-in-corpus', 'ko'],
  },
  {
    q: '모티프테크놀로지스 대표 이름이 뭐임',
    intent: NOT_KNOWN,
    answered: false,
    lang: 'ko',
    tags: ['not-in-corpus', 'ko'],
  },
  {
    q: 'how many tokens per second does A.X K1 generate?',
    intent: NOT_KNOWN,
    answered: false,
    lang: 'en',
    tags: ['not-in-corpus', 'en'],
  },
  {
    q: 'solar open 100b 한국어 MMLU 점수 알려줘',
    intent: NOT_KNOWN,
    answered: false,
    lang: 'ko',
    tags: ['not-in-corpus', 'mixed'],
  },

  // ---------------------------------------------------------------- conflicts
  {
    // X1: December 2026 vs February 2027 vs first half of 2027.
    q: '최종 2팀은 언제 뽑는대?',
    intent: [...WHEN, 'false-premise'],
    answered: true,
    lang: 'ko',
    includes: ['2026년 12월', '2027년 2월'],
    tags: ['conflict', 'ko', 'schedule'],
  },
  {
    // X2: ₩200bn vs ₩213.6bn vs the DBR breakdown.
    q: "what's the total budget for the K-AI project?",
    intent: PROGRAM,
    answered: true,
    lang: 'en',
    includes: ['200bn', '213.6bn'],
    tags: ['conflict', 'en', 'budget'],
  },
  {
    // X3: Qwen 2.4 vs 2.5.
    q: '네이버가 갖다 쓴 큐웬 인코더 버전 몇이야',
    intent: [...DISPUTE, 'program'],
    answered: true,
    lang: 'ko',
    includes: ['2.4', '2.5'],
    tags: ['conflict', 'ko', 'dispute'],
  },
  {
    // X4: 10.1B vs about 11B active parameters.
    q: '배키 활성 파라미터 몇개임?',
    intent: [...TEAM, 'program'],
    answered: true,
    lang: 'ko',
    includes: ['101억', '110억'],
    tags: ['conflict', 'ko', 'model', 'nickname'],
  },
  {
    // M22 / nc-ai-model-name: VAETKI vs VARCO.
    q: '엔씨 발표회때 낸 모델 이름 배키야 바르코야?',
    intent: [...TEAM, 'program'],
    answered: true,
    lang: 'ko',
    includes: ['배키', '바르코'],
    tags: ['conflict', 'ko', 'model', 'nickname'],
  },

  // ---------------------------------------------------------------- teams: members, models, status
  {
    // C1.
    q: '엘지 컨소 참여사 어디어디야',
    intent: TEAM,
    answered: true,
    lang: 'ko',
    includes: ['LG유플러스', '퓨리오사AI'],
    teamId: 'lg-ai-research',
    tags: ['team', 'ko', 'nickname', 'members'],
  },
  {
    // C10: 17 organizations.
    q: '모티프 컨소시엄 몇 곳으로 구성돼?',
    intent: TEAM,
    answered: true,
    lang: 'ko',
    includes: ['17'],
    teamId: 'motif',
    tags: ['team', 'ko', 'members'],
  },
  {
    // Model list of skt.
    q: 'SKT 모델 이름 뭐였지',
    intent: TEAM,
    answered: true,
    lang: 'ko',
    includes: ['A.X K1'],
    teamId: 'skt',
    tags: ['team', 'ko', 'model'],
  },
  {
    // M11 / specs: 102.6B total, 12B active.
    q: 'how many parameters does Solar Open 100B have?',
    intent: TEAM,
    answered: true,
    lang: 'en',
    includes: ['102.6B'],
    teamId: 'upstage',
    tags: ['team', 'en', 'model'],
  },
  {
    // M5: 750B total, 37B active.
    q: 'how big is K-EXAONE 2.0',
    intent: TEAM,
    answered: true,
    lang: 'en',
    includes: ['750B'],
    teamId: 'lg-ai-research',
    tags: ['team', 'en', 'model'],
  },
  {
    // M2: released on Hugging Face on 31 December 2025.
    q: '케이엑사원 언제 공개됐어?',
    intent: [...TEAM, 'timeline'],
    answered: true,
    lang: 'ko',
    includes: ['12월 31일'],
    tags: ['team', 'ko', 'model', 'nickname'],
  },
  {
    // M9: Apache 2.0.
    q: 'a.x k1 라이센스 뭐야',
    intent: TEAM,
    answered: true,
    lang: 'ko',
    includes: ['2.0'],
    teamId: 'skt',
    tags: ['team', 'mixed', 'model', 'typo'],
  },
  {
    // T7 status: eliminated on originality.
    q: '네이버클라우드 지금 상태 어떰?',
    intent: [...RESULTS, 'why'],
    answered: true,
    lang: 'ko',
    includes: ['탈락'],
    teamId: 'naver-cloud',
    tags: ['team', 'ko', 'status'],
  },
  {
    // M18: VAETKI is NC AI's vertical model.
    q: 'What is VAETKI?',
    intent: [...TEAM, 'glossary'],
    answered: true,
    lang: 'en',
    includes: ['NC AI'],
    tags: ['team', 'en', 'model'],
  },
  {
    // C12: runner-up of the re-tender, had joined Lunit's consortium.
    q: '트릴리온 랩스는 어떤 회사임?',
    intent: TEAM,
    answered: true,
    lang: 'ko',
    includes: ['루닛'],
    teamId: 'trillion-labs',
    tags: ['team', 'ko', 'spacing'],
  },

  // ---------------------------------------------------------------- disputes
  {
    // R1: Sionic AI's CEO 고석현.
    q: 'Who accused Upstage of copying a Chinese model?',
    intent: [...DISPUTE, 'false-premise'],
    answered: true,
    lang: 'en',
    includes: ['Sionic AI'],
    tags: ['dispute', 'en'],
  },
  {
    // R3: the flagged part was about 0.0004% of the model.
    q: 'Upstage 표절 의혹 결론 어케 났어?',
    intent: DISPUTE,
    answered: true,
    lang: 'ko',
    includes: ['0.0004'],
    tags: ['dispute', 'mixed'],
  },
  {
    // R9: similarities only in inference code, weights randomly initialized.
    q: 'SKT 딥시크 베꼈단 얘기 뭐임',
    intent: DISPUTE,
    answered: true,
    lang: 'ko',
    includes: ['추론 코드'],
    tags: ['dispute', 'ko'],
  },

  // ---------------------------------------------------------------- dated events
  {
    // T1/T2: the call closed on 21 July 2025.
    q: '정예팀 공모 마감 언제였음?',
    intent: WHEN,
    answered: true,
    lang: 'ko',
    includes: ['7월 21일'],
    tags: ['date', 'ko'],
  },
  {
    // T7: vice-minister 류제명.
    q: '1차 결과 누가 발표했냐',
    intent: [...WHEN, 'people'],
    answered: true,
    lang: 'ko',
    includes: ['류제명'],
    tags: ['date', 'ko', 'people'],
  },
  {
    // T11: 20 February 2026.
    q: '모티프 언제 추가로 뽑혔어?',
    intent: WHEN,
    answered: true,
    lang: 'ko',
    includes: ['20'],
    teamId: 'motif',
    tags: ['date', 'ko', 'retender'],
  },
  {
    // T8: 16 January 2026.
    q: '네이버랑 엔씨 추가공모 안 나간다고 한 게 언제야',
    intent: [...WHEN, 'why'],
    answered: true,
    lang: 'ko',
    includes: ['16'],
    tags: ['date', 'ko', 'retender', 'nickname'],
  },
  {
    // T12 / phase2-timing: early August 2026 (earlier plan: late June to early July).
    q: 'when is the phase 2 evaluation?',
    intent: WHEN,
    answered: true,
    lang: 'en',
    includes: ['August'],
    tags: ['date', 'en', 'schedule'],
  },

  // ---------------------------------------------------------------- scores
  {
    q: '엘지 총점 몇점이었지',
    intent: SCORES,
    answered: true,
    lang: 'ko',
    includes: ['90.2'],
    tags: ['scores', 'ko', 'nickname'],
  },
  {
    // E6: LG 31.6 of 35.
    q: 'LG 전문가평가 점수 몇?',
    intent: SCORES,
    answered: true,
    lang: 'ko',
    includes: ['31.6'],
    tags: ['scores', 'ko', 'spacing'],
  },
  {
    // E1: 40 + 35 + 25.
    q: 'how was phase 1 scored?',
    intent: [...SCORES, 'glossary'],
    answered: true,
    lang: 'en',
    includes: ['40', '35', '25'],
    tags: ['scores', 'en'],
  },
  {
    // E9: NC AI had the lowest total.
    q: 'who came last in phase 1?',
    intent: SCORES,
    answered: true,
    lang: 'en',
    includes: ['NC AI'],
    tags: ['scores', 'en'],
  },

  // ---------------------------------------------------------------- quotes
  {
    // R11: "정예팀 모두가 승자다" (30 December 2025).
    q: '배경훈 장관 발표회에서 뭐라했음?',
    intent: QUOTE,
    answered: true,
    lang: 'ko',
    includes: ['승자'],
    tags: ['quote', 'ko'],
  },
  {
    // R24: 김경만.
    q: '"정말 근소한 차이였다" 이거 누가 한 말?',
    intent: QUOTE,
    answered: true,
    lang: 'ko',
    includes: ['김경만'],
    tags: ['quote', 'ko'],
  },
  {
    // R27.
    q: 'what did Clem Delangue say about open source?',
    intent: QUOTE,
    answered: true,
    lang: 'en',
    includes: ['every country'],
    tags: ['quote', 'en'],
  },
  {
    // FA: 포티투마루 이승현.
    q: '사망선고 발언 누가 한거야',
    intent: [...QUOTE, 'why', 'program'],
    answered: true,
    lang: 'ko',
    includes: ['이승현'],
    tags: ['quote', 'ko', 'debate'],
  },

  // ---------------------------------------------------------------- glossary
  {
    q: '독자성이 뭐임?',
    intent: GLOSSARY,
    answered: true,
    lang: 'ko',
    includes: ['사전학습'],
    tags: ['glossary', 'ko'],
  },
  {
    // Glossary: moving target = the 95% goal reset each phase.
    q: '무빙타깃이 무슨 뜻이야',
    intent: GLOSSARY,
    answered: true,
    lang: 'ko',
    includes: ['95%'],
    tags: ['glossary', 'ko', 'spacing'],
  },
  {
    q: 'WBL 뭐의 약자야?',
    intent: GLOSSARY,
    answered: true,
    lang: 'ko',
    includes: ['월드 베스트'],
    tags: ['glossary', 'mixed'],
  },

  // ---------------------------------------------------------------- budget, GPU, data, schedule
  {
    // L3: 768 B200.
    q: 'added team은 GPU 몇장 받아?',
    intent: [...PROGRAM, 'team'],
    answered: true,
    lang: 'ko',
    includes: ['768'],
    tags: ['gpu', 'mixed', 'retender'],
  },

  // ---------------------------------------------------------------- phase-1 debate
  {
    // FA: 조준희 cites the Epoch AI listing of all five.
    q: '조준희 회장은 왜 5개팀 다 키우자고 함?',
    intent: DEBATE,
    answered: true,
    lang: 'ko',
    includes: ['에포크'],
    tags: ['debate', 'ko'],
  },
  {
    // FA: stigma on eliminated firms.
    q: '2팀만 뽑는 방식 왜 걱정들 해?',
    intent: DEBATE,
    answered: true,
    lang: 'ko',
    includes: ['낙인'],
    tags: ['debate', 'ko'],
  },

  // ---------------------------------------------------------------- re-tender and why
  {
    // L2: ≥ 95% of the latest global models, majority of the expert evaluators.
    q: '추가 공모 조건이 뭐였어?',
    intent: [...PROGRAM, 'results'],
    answered: true,
    lang: 'ko',
    includes: ['95%', '과반'],
    tags: ['retender', 'ko'],
  },
  {
    // T11 / R24: own architecture, strong results with fewer parameters and limited data.
    q: '모티프 왜 뽑힌거임?',
    intent: WHY,
    answered: true,
    lang: 'ko',
    includes: ['아키텍처'],
    teamId: 'motif',
    tags: ['retender', 'ko', 'why'],
  },
  {
    // E11: external Qwen encoder used with its trained weights.
    q: 'Naver Cloud 왜 탈락함?',
    intent: WHY,
    answered: true,
    lang: 'ko',
    includes: ['독자성', '인코더'],
    teamId: 'naver-cloud',
    tags: ['why', 'mixed'],
  },
  {
    // E13: the plan was to cut one; the originality rule plus relative scoring cut two.
    q: 'why were two teams cut instead of one?',
    intent: [...WHY, 'program'],
    answered: true,
    lang: 'en',
    includes: ['originality'],
    tags: ['why', 'en'],
  },
]
