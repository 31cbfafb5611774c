import { Source, Team, TimelineEvent } from '../../../src/core/corpus/schema.js'
import type { Corpus } from '../../../src/core/index.js'

/** The five elite teams and the added one, with the names the ministry uses. */
export const TEAMS = [
  ['lg-ai-research', 'LG AI연구원', 'LG AI Research'],
  ['sk-telecom', 'SK텔레콤', 'SK Telecom'],
  ['upstage', '업스테이지', 'Upstage'],
  ['naver-cloud', '네이버클라우드', 'Naver Cloud'],
  ['nc-ai', 'NC AI', 'NC AI'],
  ['motif', '모티프테크놀로지스', 'Motif Technologies'],
].map(([id, ko, en]) =>
  Team.parse({ id, name: { ko, en }, lead: { ko, en }, role: 'elite', sources: ['msit-phase1'] }),
)

export const SOURCES = [
  Source.parse({
    id: 'msit-phase1',
    title: '독자 AI 파운데이션 모델 1차 평가 결과',
    publisher: '과학기술정보통신부',
    url: 'https://www.msit.go.kr/eng/bbs/view.do?nttSeqNo=1212',
    date: '2026-01-15',
    date_basis: 'shown',
    language: 'ko',
    kind: 'official',
  }),
  Source.parse({
    id: 'herald-schedule',
    title: 'Final two K-AI teams',
    publisher: 'Korea Herald',
    url: null,
    date: null,
    date_basis: 'unknown',
    language: 'en',
    kind: 'press',
  }),
]

type Outcomes = Record<string, string>

/** A timeline event with schema defaults; `outcomes` maps team id → result. */
export function event(
  id: string,
  fields: {
    date: string
    kind?: string
    phase?: number
    status?: string
    outcomes?: Outcomes
    title?: string
  },
): ReturnType<typeof TimelineEvent.parse> {
  const title = fields.title ?? id
  return TimelineEvent.parse({
    id,
    date: fields.date,
    kind: fields.kind ?? 'evaluation',
    phase: fields.phase,
    status: fields.status ?? 'happened',
    title: { ko: title, en: title },
    summary: { ko: title, en: title },
    outcomes: Object.entries(fields.outcomes ?? {}).map(([team, result]) => ({ team, result })),
    sources: [fields.kind === 'scheduled' ? 'herald-schedule' : 'msit-phase1'],
  })
}

export const SELECTION = event('selection', {
  date: '2025-08-04',
  kind: 'selection',
  phase: 0,
  outcomes: {
    'lg-ai-research': 'selected',
    'sk-telecom': 'selected',
    upstage: 'selected',
    'naver-cloud': 'selected',
    'nc-ai': 'selected',
  },
})

export const PHASE1 = event('phase1-results', {
  date: '2026-01-15',
  phase: 1,
  title: '1차 평가 결과 발표',
  outcomes: {
    'lg-ai-research': 'advanced',
    'sk-telecom': 'advanced',
    upstage: 'advanced',
    'naver-cloud': 'eliminated',
    'nc-ai': 'eliminated',
  },
})

export const PHASE2_SCHEDULED = event('phase2-evaluation', {
  date: '2026-08',
  kind: 'scheduled',
  phase: 2,
  status: 'scheduled',
  title: '2차 평가',
  outcomes: { 'lg-ai-research': 'pending', 'sk-telecom': 'pending', upstage: 'pending' },
})

/** The slice of a corpus notifications read. */
export function corpusOf(
  events: ReturnType<typeof event>[],
  teams = TEAMS,
): Pick<Corpus, 'events' | 'teams' | 'sources'> {
  return { events, teams, sources: SOURCES }
}
