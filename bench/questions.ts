/**
 * A fixed, varied question set for the bench, drawn deterministically from a synthetic corpus: Korean with
 * particles, endings, typos and aliases; English; structured questions (results, team, why, people,
 * glossary, program, timeline); search-fallback questions made of words from the documents; false
 * premises; and out-of-scope questions that must abstain.
 */
import type { Corpus } from '../src/core/corpus/types.js'
import { createDraw, type Draw, particle } from './synth.js'

/** What a bench question exercises; the bench reports latency per kind as well as overall. */
export type QuestionKind =
  | 'ko-team'
  | 'ko-typo'
  | 'ko-results'
  | 'ko-why'
  | 'ko-people'
  | 'ko-glossary'
  | 'ko-program'
  | 'ko-timeline'
  | 'ko-search'
  | 'en-structured'
  | 'en-search'
  | 'false-premise'
  | 'out-of-scope'

export interface BenchQuestion {
  kind: QuestionKind
  text: string
}

/** How many questions of each kind (1,200 in all). */
export const QUESTION_MIX: Readonly<Record<QuestionKind, number>> = {
  'ko-team': 150,
  'ko-typo': 100,
  'ko-results': 120,
  'ko-why': 50,
  'ko-people': 60,
  'ko-glossary': 60,
  'ko-program': 60,
  'ko-timeline': 40,
  'ko-search': 200,
  'en-structured': 150,
  'en-search': 100,
  'false-premise': 40,
  'out-of-scope': 70,
}

const KO_PROGRAM = [
  '독파모 예산은 얼마야?',
  'GPU 몇 장 지원해?',
  '최종 2개 팀은 언제 정해져?',
  '국가대표 AI 사업 목표가 뭐야',
  'K-AI 프로젝트는 어떤 사업이야?',
  '정예팀은 몇 개야?',
  '데이터 지원은 어떻게 돼?',
  '독자 AI 파운데이션 모델 프로젝트 일정 알려줘',
  '과기정통부가 주관하는 사업 맞아?',
  '인재 지원도 있어?',
]

const KO_RESULTS = [
  (p: number) => `${p}차 평가 결과 알려줘`,
  (p: number) => `${p}차에서 누가 떨어졌어?`,
  (p: number) => `${p}차 진출팀은?`,
  () => '지금 남은 팀 어디어디야',
  () => '누가 탈락했어?',
  () => '정예팀 선정 결과는?',
  () => '최신 결과 알려줘',
  (p: number) => `${p}차 평가 점수 알려줘`,
] as const

const EN_STRUCTURED = [
  (t: string) => `What happened to ${t}?`,
  (t: string) => `Is ${t} still in the program?`,
  (t: string) => `Who leads ${t}?`,
  (t: string) => `What model did ${t} build?`,
  (t: string) => `Why was ${t} eliminated?`,
  () => 'Who was eliminated in phase 1?',
  () => 'Which teams advanced to phase 2?',
  () => 'What is the budget of K-AI?',
  () => 'When will the final two teams be chosen?',
  () => 'how many GPUs does the government provide',
] as const

const OUT_OF_SCOPE = [
  '오늘 서울 날씨 어때?',
  '비트코인 가격 알려줘',
  '점심 메뉴 추천해줘',
  '내일 부산 비 와?',
  '삼성전자 주가 얼마야',
  '손흥민 몇 골 넣었어?',
  'What is the weather in Busan today?',
  "What's the price of bitcoin?",
  'Who won the World Cup in 2022?',
  'Recommend a good movie',
  'how tall is Mount Everest',
  '파이썬으로 정렬하는 법 알려줘',
  '환율 알려줘',
  'tell me a joke',
] as const

/** One realistic typo: a syllable dropped, doubled or two neighbours swapped (never the first). */
function typo(draw: Draw, word: string): string {
  const chars = [...word]
  if (chars.length < 3) return `${word}${chars.at(-1)}`
  const i = draw.int(1, chars.length - 1)
  switch (draw.int(0, 2)) {
    case 0:
      return chars.filter((_, k) => k !== i).join('')
    case 1:
      return [...chars.slice(0, i), chars[i]!, ...chars.slice(i)].join('')
    default: {
      const j = Math.min(i + 1, chars.length - 1) === i ? i - 1 : i + 1
      ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
      return chars.join('')
    }
  }
}

/** Words of a paragraph with the trailing particle or ending left on, as people type them. */
const wordsOf = (text: string) => text.split(/[\s,."“”()]+/u).filter((w) => w.length >= 2)

/** The bench's question set for `corpus`: same corpus and seed → same questions, in the same order. */
export function makeQuestions(
  corpus: Corpus,
  options: { seed?: number; mix?: Record<QuestionKind, number> } = {},
): BenchQuestion[] {
  const draw = createDraw(options.seed ?? 11)
  const mix = options.mix ?? QUESTION_MIX
  const phase1 = corpus.events.find((e) => e.phase === 1 && e.status === 'happened')
  const eliminatedIds = new Set(phase1?.outcomes.filter((o) => o.result === 'eliminated').map((o) => o.team))
  const eliminated = corpus.teams.filter((t) => eliminatedIds.has(t.id))
  const koDocs = corpus.documents.filter((d) => d.language === 'ko')
  const enDocs = corpus.documents.filter((d) => d.language === 'en')
  const teamSurface = () => {
    const team = draw.pick(corpus.teams)
    return draw.chance(0.5) || team.aliases.length === 0 ? team.name.ko : draw.pick(team.aliases)
  }

  const makers: Record<QuestionKind, () => string> = {
    'ko-team': () => {
      const name = teamSurface()
      return draw.pick([
        `${name}${particle(name, 'topic')} 어떤 팀이야?`,
        `${name} 모델 알려줘`,
        `${name}${particle(name, 'topic')} 누구랑 컨소시엄이야`,
        `${name} 지금 상태는?`,
        `${name}${particle(name, 'subject')} 만든 모델 이름이 뭐야`,
        `${name}에 대해 알려줘`,
      ])
    },
    'ko-typo': () => {
      const team = draw.pick(corpus.teams)
      const wrong = typo(draw, team.name.ko)
      return draw.pick([
        `${wrong} 결과는?`,
        `${wrong}${particle(wrong, 'topic')} 진출했어?`,
        `${wrong} 어떤 팀임`,
      ])
    },
    'ko-results': () => draw.pick(KO_RESULTS)(draw.int(1, 2)),
    'ko-why': () => {
      const team = eliminated.length > 0 && draw.chance(0.7) ? draw.pick(eliminated) : draw.pick(corpus.teams)
      const name = team.name.ko
      return draw.pick([
        `${name}${particle(name, 'topic')} 왜 탈락했어?`,
        `${name} 떨어진 이유가 뭐야`,
        `${name} 왜 떨어졌대`,
      ])
    },
    'ko-people': () => {
      const person = draw.pick(corpus.people).name.ko
      return draw.pick([
        `${person}${particle(person, 'topic')} 뭐라고 했어?`,
        `${person} 누구야`,
        `${person} 발언 알려줘`,
      ])
    },
    'ko-glossary': () => {
      const term = draw.pick(corpus.terms).term.ko
      return draw.pick([
        `${term}${particle(term, 'subject')} 뭐야?`,
        `${term} 뜻 알려줘`,
        `${term}${particle(term, 'topic')} 무슨 뜻이야`,
      ])
    },
    'ko-program': () => draw.pick(KO_PROGRAM),
    'ko-timeline': () => {
      const event = draw.pick(corpus.events)
      return draw.pick([
        `${event.title.ko} 언제였어?`,
        `${event.title.ko}${particle(event.title.ko, 'topic')} 언제야`,
      ])
    },
    'ko-search': () => {
      const doc = draw.pick(koDocs.length > 0 ? koDocs : corpus.documents)
      const words = wordsOf(draw.pick(doc.paragraphs))
      const a = draw.pick(words)
      const b = draw.pick(words)
      return draw.pick([
        `${a} ${b} 관련 내용 알려줘`,
        `${a} ${b}?`,
        `${a}${particle(a, 'with')} ${b} 얘기 있어?`,
      ])
    },
    'en-structured': () => {
      const team = draw.pick(corpus.teams)
      return draw.pick(EN_STRUCTURED)(draw.chance(0.8) ? team.name.en : (team.aliases.at(-1) ?? team.name.en))
    },
    'en-search': () => {
      const doc = draw.pick(enDocs.length > 0 ? enDocs : corpus.documents)
      const words = wordsOf(draw.pick(doc.paragraphs)).filter((w) => w.length >= 4)
      return draw.pick([
        `what about ${draw.pick(words)} and ${draw.pick(words)}?`,
        `${draw.pick(words)} ${draw.pick(words)} ${draw.pick(words)}`,
        `tell me about ${draw.pick(words)}`,
      ])
    },
    'false-premise': () => {
      const team = eliminated.length > 0 ? draw.pick(eliminated) : draw.pick(corpus.teams)
      const name = team.name.ko
      return draw.pick([
        `${name}${particle(name, 'subject')} 2차에 진출했지?`,
        `${name}${particle(name, 'topic')} 1차 통과했잖아`,
        `Did ${team.name.en} advance to phase 2?`,
      ])
    },
    'out-of-scope': () => draw.pick(OUT_OF_SCOPE),
  }

  const out: BenchQuestion[] = []
  for (const [kind, count] of Object.entries(mix) as [QuestionKind, number][]) {
    for (let i = 0; i < count; i++) out.push({ kind, text: makers[kind]() })
  }
  // interleave kinds so warm-up and any slice see a mix (a seeded Fisher–Yates shuffle)
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(draw.random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}
