import type { OutcomeResult, ScoreKey } from '../../corpus/schema.js'
import { joinList, withParticle } from '../particles.js'
import type { Stage, Templates } from './types.js'

function date(d: string): string {
  const [y, m, day] = d.split('-')
  if (day) return `${y}년 ${Number(m)}월 ${Number(day)}일`
  if (m) return `${y}년 ${Number(m)}월`
  return `${y}년`
}

function stage(s: Stage): string {
  switch (s.kind) {
    case 'call':
      return '정예팀 공모'
    case 'applications':
      return '공모 접수'
    case 'screening':
      return '서류 심사'
    case 'selection':
      return '정예팀 선정'
    case 'presentation':
      return '1차 발표회'
    case 'dispute':
      return '독자성 논란'
    case 'announcement':
      return '발표'
    case 'retender-call':
    case 'retender-applications':
      return '추가 공모'
    case 'addition':
      return '추가 공모'
    default:
      if (s.phase === 0) return '정예팀 선정'
      if (s.phase === 3) return '최종 평가'
      return s.phase ? `${s.phase}차 평가` : '평가'
  }
}

const RESULT_LABEL: Record<OutcomeResult, string> = {
  applied: '지원',
  shortlisted: '서류 통과',
  'screened-out': '서류 탈락',
  selected: '선정',
  'not-selected': '미선정',
  advanced: '진출',
  eliminated: '탈락',
  added: '추가 선정',
  declined: '불참',
  withdrew: '철회',
  pending: '결과 대기',
}

const SCORE_LABEL: Record<ScoreKey, string> = {
  total: '총점',
  benchmark: '벤치마크 평가',
  nia_benchmark: 'NIA 벤치마크',
  global_common: '글로벌 공통 벤치마크',
  global_individual: '글로벌 개별 벤치마크',
  expert: '전문가 평가',
  user: '사용자 평가',
}

/** The predicate of "<team>은/는 <date> <stage>에서 …": chosen so the particle before it stays 에서/에. */
function outcomeClause(result: OutcomeResult, where: string): string {
  switch (result) {
    case 'applied':
      return `${where}에 지원했습니다`
    case 'shortlisted':
      return `${withParticle(where, '을/를')} 통과했습니다`
    case 'screened-out':
      return `${where}에서 탈락했습니다`
    case 'selected':
      return `${where}에서 정예팀으로 선정됐습니다`
    case 'not-selected':
      return `${where}에서 정예팀으로 선정되지 못했습니다`
    case 'advanced':
      return `${withParticle(where, '을/를')} 통과해 다음 단계에 진출했습니다`
    case 'eliminated':
      return `${where}에서 탈락했습니다`
    case 'added':
      return `${where}에서 추가 정예팀으로 선정됐습니다`
    case 'declined':
      return `${where}에 참여하지 않기로 했습니다`
    case 'withdrew':
      return `${where}에서 철회했습니다`
    case 'pending':
      return `${where} 결과를 기다리고 있습니다`
  }
}

const SPEC_LABEL: Record<string, string> = {
  architecture: '구조',
  total_params: '전체 파라미터',
  active_params: '활성 파라미터',
  context: '컨텍스트',
  vocabulary: '어휘 수',
  training_tokens: '학습 토큰',
  languages: '언어',
  license: '라이선스',
  released: '공개일',
  cost: '개발·학습 비용',
}

/** One clause of a results sentence, ending in 고 so clauses chain: "A가 진출했고".
 */
function groupClause(result: OutcomeResult, who: string): string {
  switch (result) {
    case 'advanced':
      return `${withParticle(who, '이/가')} 다음 단계에 진출했고`
    case 'eliminated':
    case 'screened-out':
      return `${withParticle(who, '이/가')} 탈락했고`
    case 'selected':
      return `${withParticle(who, '이/가')} 선정됐고`
    case 'not-selected':
      return `${withParticle(who, '은/는')} 선정되지 못했고`
    case 'added':
      return `${withParticle(who, '이/가')} 추가 정예팀으로 선정됐고`
    case 'shortlisted':
      return `${withParticle(who, '이/가')} 통과했고`
    case 'applied':
      return `${withParticle(who, '이/가')} 지원했고`
    case 'declined':
    case 'withdrew':
      return `${withParticle(who, '은/는')} 참여하지 않았고`
    case 'pending':
      return `${withParticle(who, '은/는')} 결과를 기다리고 있고`
  }
}

export const ko: Templates = {
  lang: 'ko',
  date,
  list: (items, conjunction = 'and') => joinList(items, 'ko', conjunction),
  stage,
  resultLabel: (r) => RESULT_LABEL[r],
  scoreLabel: (k) => SCORE_LABEL[k],
  outcome(team, result, s, d) {
    return `${withParticle(team, '은/는')} ${date(d)} ${outcomeClause(result, stage(s))}.`
  },
  stageResults(s, d, groups) {
    const clauses = groups.map((g) => groupClause(g.result, joinList(g.teams, 'ko')))
    const body = clauses.join(', ').replace(/고$/, '습니다')
    return `${date(d)} ${stage(s)}에서 ${body}.`
  },
  currentState(active, out) {
    const first = `현재 남아 있는 정예팀은 ${joinList(active, 'ko')} ${active.length}곳입니다.`
    return out.length ? `${first} ${withParticle(joinList(out, 'ko'), '은/는')} 탈락했습니다.` : first
  },
  teamCount: (label, n) => `${label}: 모두 ${n}곳입니다.`,
  nextEvent: (title, d) => `다음 일정은 ${date(d)} ${title}(예정)입니다.`,
  phaseNotKnown(phase, scheduled) {
    const name = stage({ kind: 'evaluation', phase })
    const when = scheduled ? ` ${withParticle(name, '은/는')} ${date(scheduled)}에 예정되어 있습니다.` : ''
    return `${name} 결과는 아직 알려지지 않았습니다. 저장된 자료에 그 결과가 없습니다.${when}`
  },
  claimConfirmed: (s) => `네, 맞습니다. ${s}`,
  claimCorrected: (s) => `아니요, 사실과 다릅니다. ${s}`,
  notInStage: (team, s) => `${withParticle(team, '은/는')} ${stage(s)} 대상이 아니었습니다.`,
  resultsTitle: (s) => (s ? `${stage(s)} 결과` : '현재 정예팀 현황'),
  teamTitle: (team) => team,
  teamsOverview: (teams) =>
    `자료에 있는 정예팀은 ${joinList(teams, 'ko')}입니다. 자료가 밝힌 팀별 목표와 특징은 다음과 같습니다.`,
  teamIntro: (team, lead, elite) =>
    elite
      ? `${withParticle(team, '은/는')} ${lead === team ? '' : `${withParticle(lead, '이/가')} 이끄는 `}독자 AI 파운데이션 모델 프로젝트 정예팀 컨소시엄입니다.`
      : `${withParticle(team, '은/는')} 독자 AI 파운데이션 모델 프로젝트에 지원했던 컨소시엄(주관: ${lead})입니다.`,
  models: (team, models) => `${team}의 모델은 ${joinList(models, 'ko')}입니다.`,
  modelSpecs(model, specs) {
    const parts = Object.entries(specs).map(([k, v]) => `${SPEC_LABEL[k] ?? k} ${v}`)
    return `${withParticle(model, '은/는')} ${parts.join(', ')}입니다.`
  },
  specLabel: (k) => SPEC_LABEL[k] ?? k,
  members: (team, members) =>
    `${team} 컨소시엄에는 ${withParticle(joinList(members, 'ko'), '이/가')} 참여합니다.`,
  memberCount: (team, count) => `자료에 적힌 ${team} 컨소시엄 참여 기관은 ${count}곳입니다.`,
  noData(team, what) {
    const thing = { members: '참여 기관', models: '모델', scores: '점수', goal: '목표', status: '평가 결과' }[
      what
    ]
    return `저장된 자료에는 ${team}의 ${withParticle(thing, '이/가')} 없습니다.`
  },
  scores(team, s, parts) {
    const text = parts.map((p) => `${SCORE_LABEL[p.key]} ${p.value}${p.max ? `/${p.max}` : ''}점`).join(', ')
    return `${stage(s)}에서 ${team}의 점수는 ${text}입니다.`
  },
  standing: (team, s, reason) => `${stage(s)}에서 ${team}에 대해 기록된 내용: ${reason}`,
  whyTitle: (team) => `${team}: 결과의 이유`,
  why: (team, result, s, reason) =>
    `${withParticle(team, '이/가')} ${stage(s)}에서 ${RESULT_LABEL[result]}한 이유로 기록된 내용: ${reason}`,
  whyUnknown: (team, result, s) =>
    `${withParticle(team, '이/가')} ${stage(s)}에서 ${RESULT_LABEL[result]}한 사실은 기록되어 있지만, 그 이유는 저장된 자료에 없습니다.`,
  personIntro: (name, role) => `${withParticle(name, '은/는')} ${role}입니다.`,
  noPerson: (team, role) =>
    `저장된 자료에는 ${team}의 ${role ? withParticle(role, '이/가') : '해당 인물이'} 누구인지 나와 있지 않습니다.`,
  specNotKnown: (model, what) =>
    `저장된 자료에는 ${model}의 ${withParticle(joinList(what, 'ko'), '이/가')} 나와 있지 않습니다.`,
  quote: (name, text, context, d, paraphrase) =>
    `${withParticle(name, '은/는')} ${d && !/\d{4}|\d월/.test(context) ? `${date(d)} ` : ''}${context} ${paraphrase ? `다음과 같은 취지로 말했습니다: ${text}` : `“${text}”라고 말했습니다.`}`,
  term(term, definition) {
    const body = definition.trim().replace(/\.$/, '')
    // A definition written as a full sentence ("…한다") reads badly with 입니다 glued on.
    return /다$/.test(body) ? `${term}: ${body}.` : `${withParticle(term, '은/는')} ${body}입니다.`
  },
  programIntro: (name, aliases, summary) =>
    `${name}${aliases.length ? `(${aliases.join(', ')})` : ''}: ${summary}`,
  structure: (counts) => `정예팀 수는 단계별 평가를 거치며 ${counts.join(' → ')}팀으로 줄어드는 구조입니다.`,
  topicTitle(topic) {
    const titles: Record<string, string> = {
      program: '독자 AI 파운데이션 모델 프로젝트',
      goal: '사업 목표',
      budget: '예산',
      support: '지원 내용',
      gpu: 'GPU 지원',
      data: '데이터 지원',
      talent: '인재 지원',
      structure: '사업 구조',
      agencies: '주관 기관',
      schedule: '일정',
      scoring: '평가 기준',
      evaluation: '평가',
      originality: '독자성 기준',
      retender: '추가 공모',
      name: '사업 이름',
      history: '사업의 배경',
      'open-source': '오픈소스',
      title: 'K-AI 칭호',
      epoch: 'Epoch AI 등재',
      'related-program': '관련 사업',
      policy: '정책 배경',
    }
    return titles[topic] ?? topic
  },
  conflictIntro: (q) => `출처마다 다릅니다 — ${q}`,
  conflictSide: (text, by) => `• ${text} (${by})`,
  released: (model, d) => `${withParticle(model, '은/는')} ${date(d)}에 공개됐습니다.`,
  event: (title, d, end, scheduled) =>
    `${date(d)}${end ? `~${date(end)}` : ''}: ${title}${scheduled ? ' (예정)' : ''}`,
  timelineTitle: '주요 일정',
  searchIntro: '질문과 가장 가까운 기록입니다.',
  noAnswer: '죄송합니다. 저장된 자료에서 이 질문에 답할 근거를 찾지 못했습니다.',
  notInSources: (words) =>
    `죄송합니다. 저장된 자료에는 ${words.map((w) => `'${w}'`).join(', ')}에 관한 내용이 없어 답할 수 없습니다.`,
  outOfScope:
    '죄송합니다. 이 질문은 제가 다루는 범위(독자 AI 파운데이션 모델 프로젝트, K-AI) 밖이라 답할 수 없습니다.',
  emptyQuestion: '질문이 비어 있습니다. 독자 AI 파운데이션 모델 프로젝트에 대해 물어봐 주세요.',
  tooLong: (max) => `질문이 너무 깁니다. ${max}자 이내로 물어봐 주세요.`,
  unknownTeam: (name) => `‘${name}’에 해당하는 팀을 찾지 못했습니다.`,
  unknownTerm: '저장된 용어집에 그 용어가 없습니다.',
  capabilities:
    '답할 수 있는 것: 단계별 평가 결과(진출·탈락·추가), 팀·모델·참여사, 탈락 이유, 일정, 예산·GPU·데이터 지원, 평가 기준, 용어 뜻, 관계자 발언.',
  helpTitle: 'kai-bot 도움말',
  help: [
    '독자 AI 파운데이션 모델 프로젝트(독파모, K-AI)에 대해 저장된 자료로만 답합니다. 모든 답에는 출처와 기준일이 붙습니다.',
    '예: “1차 평가 결과 알려줘”, “네이버클라우드는 왜 탈락했어?”, “업스테이지 모델은?”, “최종 2팀은 언제 뽑아?”, “정예팀이 뭐야?”, “예산은 얼마야?”',
  ],
  sourceLabel: (publisher, d) => (d ? `${publisher}, ${d}` : publisher),
  labels: {
    sources: '출처',
    asOf: '기준일',
    status: '현재 상태',
    model: '모델',
    members: '참여 기관',
    goal: '목표',
    scores: '점수',
    events: '일정',
    people: '인물',
    scheduled: '예정',
    conflict: '출처 간 차이',
    teams: '팀',
  },
  suggestions: {
    results: ['1차 평가 결과 알려줘', '네이버클라우드는 왜 탈락했어?', '2차 평가는 언제야?'],
    team: (team) => [`${team} 모델은?`, `${team} 참여사는?`, `${team} 점수는?`],
    general: ['지금 남은 팀은?', '최종 2팀은 언제 뽑아?', '예산은 얼마야?'],
  },
}
