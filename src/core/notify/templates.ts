import type { AnswerField, AnswerSource, Lang, Message } from '../answer/types.js'
import type { OutcomeResult } from '../corpus/schema.js'
import type { ChangeEvent, EventRef, RecordedChange } from './types.js'

/** How each outcome is called in a notification; Korean follows the ministry's own wording. */
const RESULT_LABEL: Record<OutcomeResult, Record<Lang, string>> = {
  applied: { ko: '지원', en: 'Applied' },
  shortlisted: { ko: '서류 통과', en: 'Shortlisted' },
  'screened-out': { ko: '서류 탈락', en: 'Screened out' },
  selected: { ko: '선정', en: 'Selected' },
  'not-selected': { ko: '미선정', en: 'Not selected' },
  advanced: { ko: '진출', en: 'Advanced' },
  eliminated: { ko: '탈락', en: 'Eliminated' },
  added: { ko: '추가 선정', en: 'Added' },
  declined: { ko: '불참', en: 'Declined' },
  withdrew: { ko: '철회', en: 'Withdrew' },
  pending: { ko: '미정', en: 'Pending' },
}

/** Order of outcome groups in a message: who goes on first, then who leaves. */
const RESULT_ORDER: OutcomeResult[] = [
  'selected',
  'advanced',
  'added',
  'shortlisted',
  'applied',
  'pending',
  'not-selected',
  'eliminated',
  'screened-out',
  'declined',
  'withdrew',
]

const WORDS = {
  announced: { ko: '결과 발표', en: 'results announced' },
  correction: { ko: '정정', en: 'Correction' },
  scheduled: { ko: '일정', en: 'Scheduled' },
  moved: { ko: '일정 변경', en: 'Schedule changed' },
  status: { ko: '상태 변경', en: 'status changed' },
  none: { ko: '없음', en: 'none' },
  current: { ko: '현재 현황', en: 'Current standings' },
  next: { ko: '다음 일정', en: 'Next' },
  source: { ko: '출처', en: 'Source' },
  changes: { ko: '최근 변경 사항', en: 'Recent changes' },
  noChanges: {
    ko: '기록된 변경 사항이 없습니다. 결과가 바뀌면 구독한 채널에 알려 드립니다.',
    en: 'No changes recorded yet. Subscribed channels are told when results change.',
  },
} satisfies Record<string, Record<Lang, string>>

/** The label of an outcome, e.g. `advanced` → 진출 / Advanced. */
export function resultLabel(result: OutcomeResult | null, lang: Lang): string {
  return result ? RESULT_LABEL[result][lang] : WORDS.none[lang]
}

/**
 * Turns a change event into the message posted to a channel, e.g.
 * 📢 1차 평가 결과 발표 (2026-01-15, 과학기술정보통신부) — 진출: LG AI연구원, SK텔레콤, 업스테이지 · 탈락: 네이버클라우드, NC AI
 */
export function renderChange(change: ChangeEvent, lang: Lang): Message {
  const { title, fields, detail } = describe(change, lang)
  const event = 'event' in change ? change.event : null
  const sources = event ? sourcesOf(event) : []
  const summary = detail ?? fields.map((f) => `${f.label}: ${f.items.join(', ')}`).join(' · ')
  const headline = summary ? `${title} — ${summary}` : title
  const link = event?.source ? sourceLine(event, lang) : null
  return {
    lang,
    text: link ? `${headline}\n${link}` : headline,
    blocks: {
      title,
      paragraphs: detail ? [detail] : [],
      fields,
      sources,
      asOf: event?.date ?? (change.date || null),
      conflict: false,
    },
  }
}

function describe(
  change: ChangeEvent,
  lang: Lang,
): { title: string; fields: AnswerField[]; detail?: string } {
  switch (change.kind) {
    case 'results': {
      const fields = groupByResult(
        change.outcomes.map((o) => ({ result: o.result, name: o.team.name[lang] })),
        lang,
      )
      const name = change.event.title[lang]
      // Corpus titles often already say 결과 / results; do not say it twice.
      const announced = /결과|result/i.test(name) ? name : `${name} ${WORDS.announced[lang]}`
      return { title: `📢 ${announced} (${eventMeta(change.event)})`, fields }
    }
    case 'correction': {
      const detail = change.changes
        .map((c) => `${c.team.name[lang]}: ${resultLabel(c.from, lang)} → ${resultLabel(c.to, lang)}`)
        .join(' · ')
      return {
        title: `✏️ ${WORDS.correction[lang]}: ${change.event.title[lang]} (${eventMeta(change.event)})`,
        fields: [],
        detail,
      }
    }
    case 'schedule': {
      const when = span(change.event.date, change.event.endDate)
      if (change.from) {
        const before = span(change.from.date, change.from.endDate)
        return {
          title: `🗓️ ${WORDS.moved[lang]}: ${change.event.title[lang]}`,
          fields: [],
          detail: `${before} → ${when}`,
        }
      }
      return { title: `🗓️ ${WORDS.scheduled[lang]}: ${change.event.title[lang]}`, fields: [], detail: when }
    }
    case 'team-status': {
      const cause = change.event ? ` (${change.event.title[lang]}, ${change.event.date})` : ''
      return {
        title: `🔔 ${change.team.name[lang]} ${WORDS.status[lang]}`,
        fields: [],
        detail: `${resultLabel(change.from, lang)} → ${resultLabel(change.to, lang)}${cause}`,
      }
    }
    case 'overdue': {
      const detail =
        lang === 'ko'
          ? `${span(change.event.date, change.event.endDate)}로 예정됐던 일정의 결과가 자료에 없습니다. ${change.since}부터 ${change.days}일 지났습니다. 결과가 나왔다면 corpus/README.md의 'How to add a new evaluation result' 절차대로 timeline.yaml에 추가해 주세요.`
          : `It was scheduled for ${span(change.event.date, change.event.endDate)} and the corpus records no outcome; overdue since ${change.since} (${change.days} days). If results are out, add them to timeline.yaml as corpus/README.md, "How to add a new evaluation result", describes.`
      return {
        title: `⚠️ ${lang === 'ko' ? '자료 점검 필요' : 'Corpus needs an update'}: ${change.event.title[lang]}`,
        fields: [],
        detail,
      }
    }
    case 'current-state': {
      const fields = groupByResult(
        change.standings.map((s) => ({ result: s.result, name: s.team.name[lang] })),
        lang,
      )
      if (change.next) {
        fields.push({
          label: WORDS.next[lang],
          items: [`${change.next.title[lang]} (${span(change.next.date, change.next.endDate)})`],
        })
      }
      return { title: `📋 ${WORDS.current[lang]}${change.date ? ` (${change.date})` : ''}`, fields }
    }
  }
}

/** `/kai changes`: recorded change events, newest first, one line each. */
export function renderChangeList(changes: RecordedChange[], since: string | undefined, lang: Lang): Message {
  const title = !since
    ? WORDS.changes[lang]
    : lang === 'ko'
      ? `${since} 이후 변경 사항`
      : `Changes since ${since}`
  if (changes.length === 0) {
    return {
      lang,
      text: `${title}\n${WORDS.noChanges[lang]}`,
      blocks: {
        title,
        paragraphs: [WORDS.noChanges[lang]],
        fields: [],
        sources: [],
        asOf: null,
        conflict: false,
      },
    }
  }
  const lines = changes.map(
    (c) => `${c.recordedAt.slice(0, 10)} · ${renderChange(c.event, lang).text.split('\n')[0]}`,
  )
  const sources = new Map<string, AnswerSource>()
  for (const c of changes) {
    if ('event' in c.event && c.event.event) for (const s of sourcesOf(c.event.event)) sources.set(s.id, s)
  }
  const asOf = changes.map((c) => c.event.date).sort()
  return {
    lang,
    text: [title, ...lines.map((l) => `• ${l}`)].join('\n'),
    blocks: {
      title,
      paragraphs: lines,
      fields: [],
      sources: [...sources.values()],
      asOf: asOf[asOf.length - 1] || null,
      conflict: false,
    },
  }
}

function groupByResult(items: { result: OutcomeResult; name: string }[], lang: Lang): AnswerField[] {
  return RESULT_ORDER.flatMap((result) => {
    const names = items.filter((i) => i.result === result).map((i) => i.name)
    return names.length > 0 ? [{ label: RESULT_LABEL[result][lang], items: names }] : []
  })
}

/** `2026-01-15, 과학기술정보통신부`: the date and who published it. */
function eventMeta(event: EventRef): string {
  return event.source ? `${event.date}, ${event.source.publisher}` : event.date
}

function span(date: string, endDate: string | null): string {
  return endDate ? `${date} ~ ${endDate}` : date
}

function sourceLine(event: EventRef, lang: Lang): string {
  const s = event.source!
  const dated = s.date ? ` (${s.date})` : ''
  return `${WORDS.source[lang]}: ${s.title} — ${s.publisher}${dated}${s.url ? ` ${s.url}` : ''}`
}

/** Sources with a URL, in the shape answers use; a source without a URL is only named in the text. */
function sourcesOf(event: EventRef): AnswerSource[] {
  const s = event.source
  if (!s?.url) return []
  return [{ id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.date }]
}
