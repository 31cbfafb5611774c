import { joinList, withParticle } from '../particles.js'
import type { Templates } from './types.js'

/** How an event line is marked by where it stands today. */
export type EventMark = 'planned' | 'due' | 'overdue'

/** The sentences of answers about today: next, where we are, what's new, and the sources' horizon. */
export interface NowTexts {
  nextTitle: string
  stageTitle: string
  latestTitle: string
  mark(mark: EventMark): string
  /** A scheduled event whose last possible day passed with no outcome in the sources. */
  overdue(what: string, date: string, horizon: string | null): string
  /** The next event: its name and date, and whether today already lies inside its (partial) date. */
  next(what: string, date: string, due: boolean, daysLeft: number | null): string
  /** Nothing known after today. */
  noNext(today: string, evaluation: boolean): string
  /** The latest stated expectation for an overdue event, with who states it. */
  lastExpectation(what: string, date: string, by: string): string
  notStarted(today: string): string
  selecting(today: string, last: string, lastDate: string): string
  phase(today: string, phase: number, teams: string[]): string
  finished(today: string, teams: string[]): string
  lastDecision(what: string, date: string): string
  latestIntro(today: string): string
  latestLine(date: string, text: string): string
  /** The newest source of the whole corpus is more than a month older than today. */
  horizon(horizon: string, today: string, days: number): string
}

function ko(t: Templates): NowTexts {
  const d = t.date
  const toward = (date: string) => withParticle(d(date), '으로/로')
  return {
    nextTitle: '다음 일정',
    stageTitle: '현재 단계',
    latestTitle: '최신 소식',
    mark: (m) => ({ planned: '예정', due: '예정 기간 중', overdue: '예정일 지남, 결과 자료 없음' })[m],
    overdue: (what, date, h) =>
      `${toward(date)} 예정됐던 ${what}의 결과는 자료에 아직 없습니다${h ? ` (자료 기준 ${d(h)})` : ''}.`,
    next: (what, date, due, left) =>
      due
        ? `다음 일정은 ${withParticle(what, '으로/로')}, ${toward(date)} 예정되어 있습니다. 오늘이 그 기간에 들어 있지만 결과는 자료에 아직 없습니다.`
        : `다음 일정은 ${withParticle(what, '으로/로')}, ${toward(date)} 예정되어 있습니다${left !== null ? ` (D-${left})` : ''}.`,
    noNext: (today, evaluation) =>
      `자료에는 오늘(${d(today)}) 이후로 알려진 ${evaluation ? '평가' : ''} 일정이 없습니다.`.replace(
        '  ',
        ' ',
      ),
    lastExpectation: (what, date, by) =>
      `${what}: 가장 최근 자료가 밝힌 예정 시기는 ${d(date)}입니다 (${by}).`,
    notStarted: (today) =>
      `오늘(${d(today)}) 기준으로 독자 AI 파운데이션 모델 프로젝트는 아직 시작되지 않았습니다.`,
    selecting: (today, last, lastDate) =>
      `오늘(${d(today)}) 기준으로 정예팀을 뽑기 전 단계입니다. 가장 최근 일정은 ${d(lastDate)} ${last}입니다.`,
    phase: (today, phase, teams) =>
      `오늘(${d(today)}) 기준 자료로 확인되는 단계는 ${phase === 3 ? '최종' : `${phase}차`} 단계입니다. 남은 정예팀은 ${joinList(teams, 'ko')} ${teams.length}곳입니다.`,
    finished: (today, teams) =>
      `오늘(${d(today)}) 기준으로 최종 평가까지 끝났습니다. 남은 팀은 ${joinList(teams, 'ko')}입니다.`,
    lastDecision: (what, date) => `마지막으로 기록된 결정은 ${d(date)} ${what}입니다.`,
    latestIntro: (today) => `오늘(${d(today)}) 기준, 자료에 있는 가장 최근 소식부터 보여 드립니다.`,
    latestLine: (date, text) => `• ${d(date)}: ${text}`,
    horizon: (h, today, days) =>
      `참고: 저장된 자료 가운데 가장 새로운 것은 ${d(h)} 자료로, 오늘(${d(today)})보다 ${days}일 앞섭니다. 그 뒤의 소식은 반영되어 있지 않습니다.`,
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function en(t: Templates): NowTexts {
  const d = t.date
  return {
    nextTitle: 'Next',
    stageTitle: 'Where things stand',
    latestTitle: "What's new",
    mark: (m) => ({ planned: 'planned', due: 'due now', overdue: 'overdue: no result in the sources' })[m],
    overdue: (what, date, h) =>
      `${cap(what)} was scheduled for ${d(date)}; its results are not in the sources yet${h ? ` (sources as of ${d(h)})` : ''}.`,
    next: (what, date, due, left) =>
      due
        ? `Next: ${what}, scheduled for ${d(date)}. Today falls within that period, but the sources do not report a result yet.`
        : `Next: ${what}, scheduled for ${d(date)}${left !== null ? ` (in ${left} day${left === 1 ? '' : 's'})` : ''}.`,
    noNext: (today, evaluation) =>
      `The sources know of no ${evaluation ? 'evaluation' : 'event'} after today (${d(today)}).`,
    lastExpectation: (what, date, by) =>
      `${cap(what)}: the latest expectation in the sources is ${d(date)} (${by}).`,
    notStarted: (today) => `As of today (${d(today)}) the programme has not started yet.`,
    selecting: (today, last, lastDate) =>
      `As of today (${d(today)}) the elite teams have not been chosen yet. The latest step: ${last} on ${d(lastDate)}.`,
    phase: (today, phase, teams) =>
      `As of today (${d(today)}) the sources place the programme in ${phase === 3 ? 'the final stage' : `stage ${phase}`}, with ${teams.length} elite teams still in: ${joinList(teams, 'en')}.`,
    finished: (today, teams) =>
      `As of today (${d(today)}) the final evaluation is over; the teams left are ${joinList(teams, 'en')}.`,
    lastDecision: (what, date) => `The last recorded decision: ${what} on ${d(date)}.`,
    latestIntro: (today) => `As of today (${d(today)}), the most recent news in the sources, newest first:`,
    latestLine: (date, text) => `• ${d(date)}: ${text}`,
    horizon: (h, today, days) =>
      `Note: the newest stored source is from ${d(h)}, ${days} days before today (${d(today)}); anything since is not reflected.`,
  }
}

const cache = new Map<Templates, NowTexts>()

/** The now-texts in the templates' language. */
export function nowTexts(t: Templates): NowTexts {
  let texts = cache.get(t)
  if (!texts) {
    texts = t.lang === 'ko' ? ko(t) : en(t)
    cache.set(t, texts)
  }
  return texts
}
