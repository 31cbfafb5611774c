import type { FactTopic } from '../../corpus/schema.js'
import type { Aspect } from '../lexicon.js'
import type { Intent } from '../types.js'

/**
 * A question frame: one way people ask, with example questions in Korean and English. Names in the
 * examples are slots written as placeholders — {team}, {model}, {person}, {term}, {org}, {program},
 * {phase} — exactly as the entity matcher masks them in a question, so "NC AI는 어떤 팀이야?" and
 * "{team}는 어떤 팀이야?" read the same. The examples are three things at once:
 *   - what the classifier matches a question against (nearest examples vote; classify.ts),
 *   - the question-frame vocabulary: a word of an example is how people ask, never a topic the corpus
 *     lacks (unknown-words.ts),
 *   - tests: every example must classify as its own frame (test/core/answer/intents.test.ts).
 * Adding a question type is adding a frame here (and, if no composer answers it yet, one composer).
 */
export interface Frame {
  id: string
  /** The intent the answer is composed as. */
  intent: Intent
  /**
   * true: the frame decides the route when it is the confident nearest match (the classes the regex
   * router used to miss). false: the frame only lends its words and its vote to the confidence.
   */
  decides: boolean
  /** How many teams the question must name (after models and people are mapped to their teams). */
  teams?: 'none' | 'one' | 'many' | 'any'
  /** Composer hints the frame sets on the route. */
  aspect?: Aspect
  topics?: FactTopic[]
  /** Every elite team, one line each ("각 팀 특징"). */
  allTeams?: boolean
  examples: { ko: string[]; en: string[] }
}

export const FRAMES: readonly Frame[] = [
  {
    id: 'describe-team',
    intent: 'team',
    decides: true,
    teams: 'one',
    aspect: 'describe',
    examples: {
      ko: [
        '{team}는 어떤 팀이야?',
        '{team} 어떤 곳이야',
        '{team} 특징이 뭐야',
        '{team} 전략이 뭐야?',
        '{team} 강점이 뭐야',
        '{team}는 뭘 잘해?',
        '{team}는 뭐에 집중해?',
        '{team} 소개해줘',
        '{team}에 대해 설명해줘',
        '{team} 요약해줘',
        '{team} 접근 방식은?',
        '{team}는 뭐하는 회사야',
      ],
      en: [
        'what does {team} specialize in?',
        'what is {team} known for?',
        'tell me about {team}',
        'describe {team}',
        'what kind of team is {team}?',
        "what is {team}'s strategy?",
        'what is {team} focusing on?',
        "what's special about {team}?",
        'give me an overview of {team}',
        'what makes {team} different?',
      ],
    },
  },
  {
    id: 'describe-model',
    intent: 'team',
    decides: true,
    teams: 'one',
    aspect: 'model',
    examples: {
      ko: [
        '{team} 모델은 뭐가 달라?',
        '{model}은 어떤 모델이야?',
        '{model} 특징 알려줘',
        '{team} 모델 특징이 뭐야',
        '{model} 설명해줘',
        '{model} 스펙 요약',
        '{team}가 낸 모델은 어떤 거야?',
      ],
      en: [
        "what is special about {team}'s model?",
        'describe {model}',
        'what kind of model is {model}?',
        'how is {model} different?',
        'what are the features of {model}?',
        'what model did {team} submit?',
        'which model did {team} put forward?',
      ],
    },
  },
  {
    id: 'describe-all-teams',
    intent: 'team',
    decides: true,
    teams: 'none',
    allTeams: true,
    examples: {
      ko: [
        '각 팀 특징 좀 정리해줘',
        '팀별 특징 요약해줘',
        '정예팀들 각각 어떤 곳이야?',
        '팀마다 뭐가 달라?',
        '참가 팀들 소개해줘',
        '다섯 팀 각각 설명해줘',
      ],
      en: [
        'summarize each team',
        'describe each of the teams',
        'what are the teams like?',
        'give me an overview of every team',
        'how do the teams differ?',
      ],
    },
  },
  {
    id: 'compare-teams',
    intent: 'team',
    decides: true,
    teams: 'many',
    examples: {
      ko: [
        '{team}랑 {team} 비교해줘',
        '{team}와 {team} 차이가 뭐야',
        '{team} {team} 뭐가 달라?',
        '{team}하고 {team} 중에 어디가 나아?',
      ],
      en: [
        'compare {team} and {team}',
        'what is the difference between {team} and {team}?',
        '{team} vs {team}',
        'how does {team} differ from {team}?',
      ],
    },
  },
  {
    id: 'goals',
    intent: 'program',
    decides: true,
    teams: 'none',
    topics: ['goal'],
    examples: {
      ko: [
        '이 사업 목표가 뭐야?',
        '이 프로젝트 목적이 뭐야',
        '이 사업 왜 하는 거야?',
        '사업 취지가 뭐야',
        '정부가 이걸로 뭘 이루려는 거야?',
        '{program} 하는 이유가 뭐야',
        '{program} 목표는?',
      ],
      en: [
        'what is the point of {program}?',
        'what is the goal of the program?',
        'why does the program exist?',
        'what is the project trying to achieve?',
        'what are the aims of {program}?',
        'what is the purpose of this initiative?',
      ],
    },
  },
  {
    id: 'program-overview',
    intent: 'program',
    decides: false,
    teams: 'none',
    examples: {
      ko: ['{program}가 뭐야?', '{program} 설명해줘', '{program}이 뭔데', '{program}에 대해 알려줘'],
      en: ['what is {program}?', 'explain {program}', 'tell me about {program}', 'what is this program?'],
    },
  },
  {
    id: 'said-groups',
    intent: 'program',
    decides: true,
    teams: 'none',
    topics: ['reception'],
    examples: {
      ko: [
        '업계 반응은?',
        '업계 사람들은 뭐래?',
        '전문가들은 어떻게 봐?',
        '비판은 없었어?',
        '여론은 어때?',
        '업계에서는 뭐라고 해?',
        '사람들 평가는 어때?',
        '반대 의견은 뭐야',
      ],
      en: [
        'what did critics say?',
        'what do insiders think?',
        'how did the industry react?',
        'what are people saying about it?',
        'what was the reaction?',
        'what do experts think of the program?',
        'what did critics say about the originality rules?',
      ],
    },
  },
  {
    id: 'count',
    intent: 'results',
    decides: false,
    examples: {
      ko: [
        '몇 팀이 지원했어?',
        '몇 곳이 남았어?',
        '몇 개 컨소시엄이 뽑혔어',
        '탈락한 팀 몇 개야',
        '총 몇 팀이야',
        '발표회에 몇 명 왔어?',
        '몇 명이 참여했어?',
      ],
      en: [
        'how many teams applied?',
        'how many consortia are left?',
        'how many teams were selected?',
        'how many were eliminated?',
        'how many people attended the presentation?',
        'how many people took part?',
        'what is the number of teams?',
      ],
    },
  },
  {
    id: 'results',
    intent: 'results',
    decides: false,
    examples: {
      ko: [
        '{phase} 결과 알려줘',
        '누가 떨어졌어?',
        '누가 올라갔어',
        '지금 남은 팀은?',
        '어디가 붙었어',
        '결과 어떻게 됐어',
      ],
      en: [
        'who advanced?',
        'who was eliminated in {phase}?',
        'which teams are left?',
        'what were the results?',
      ],
    },
  },
  {
    id: 'team-result',
    intent: 'results',
    decides: false,
    teams: 'one',
    examples: {
      ko: [
        '{team} 어떻게 됐어?',
        '{team} 붙었어?',
        '{team} 떨어졌지?',
        '{team} {phase} 통과했어?',
        '{team} 결과는',
        '{team}가 1등 했잖아, 맞지?',
        '{team} 떨어졌잖아?',
      ],
      en: [
        'did {team} advance?',
        'what happened to {team}?',
        'was {team} eliminated?',
        'is {team} still in?',
        "{team} made it to {phase}, didn't it?",
        "{team} wasn't eliminated, was it?",
      ],
    },
  },
  {
    id: 'why',
    intent: 'why',
    decides: false,
    examples: {
      ko: ['{team} 왜 떨어졌어?', '{team} 탈락 이유는?', '왜 추가 공모를 했어?', '탈락 사유가 뭐야'],
      en: ['why was {team} eliminated?', 'why did {team} drop out?', 'what was the reason?'],
    },
  },
  {
    id: 'when',
    intent: 'timeline',
    decides: false,
    examples: {
      ko: [
        '{phase} 평가 언제야?',
        '발표회는 어디서 열렸어?',
        '일정 알려줘',
        '결과 발표 날짜가 언제였어',
        '다음 평가는 언제',
      ],
      en: ['when is the {phase} evaluation?', 'where was the presentation held?', 'what is the schedule?'],
    },
  },
  {
    id: 'people',
    intent: 'people',
    decides: false,
    examples: {
      ko: ['{person}이 뭐라고 했어?', '{person} 누구야', '{team} 대표가 누구야', '장관이 뭐라고 했어'],
      en: ['what did {person} say?', 'who is {person}?', 'who is the CEO of {team}?', 'who leads {team}?'],
    },
  },
  {
    id: 'definition',
    intent: 'glossary',
    decides: false,
    examples: {
      ko: [
        '{term}의 정의가 뭐야',
        '{term} 뜻이 뭐야',
        '{term}이 뭐야?',
        '{term} 무슨 의미야',
        '{org}는 뭐하는 곳이야',
      ],
      en: [
        'what does {term} mean?',
        'define {term}',
        'what is {term}?',
        'what is the definition of {term}?',
        'what does {model} stand for?',
        'what does the name {model} stand for?',
      ],
    },
  },
  {
    id: 'program-facts',
    intent: 'program',
    decides: false,
    examples: {
      ko: [
        '예산이 얼마야?',
        'GPU 몇 장 지원해?',
        '평가 기준이 뭐야',
        '어느 부처가 주관해?',
        '지원 내용 요약해줘',
        '몇 년 동안 지원해?',
        '{phase} 평가 방식 바뀐 게 있어?',
        '데이터 구입 지원은 얼마야?',
      ],
      en: [
        'what is the budget?',
        'how many GPUs do teams get?',
        'what are the evaluation criteria?',
        'who runs the program?',
        'did the evaluation method change?',
        'how much data purchase support is there?',
      ],
    },
  },
  {
    id: 'team-members',
    intent: 'team',
    decides: false,
    teams: 'one',
    aspect: 'members',
    examples: {
      ko: ['{team} 컨소시엄 참여사는?', '{team} 팀에 누가 같이 해?', '{team} 멤버 알려줘'],
      en: [
        'who is in the {team} consortium?',
        'which companies are in {team}?',
        'list the members of {team}',
      ],
    },
  },
]
