import { Writable } from 'node:stream'
import { pino } from 'pino'
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js'
import { loadConfig } from '../../../src/config.js'
import type { Answer, KaiCore, Lang, NotificationService } from '../../../src/core/index.js'
import { createNotifications, systemClock } from '../../../src/core/index.js'
import { openSqliteStore } from '../../../src/store/sqlite-store.js'
import { type FakeSlack, type Sender, startFakeSlack } from '../../helpers/fake-slack.js'

/** Log lines the adapter wrote, parsed. */
export interface LogSink {
  lines: Record<string, unknown>[]
}

export function logSink(): { logger: pino.Logger; sink: LogSink } {
  const sink: LogSink = { lines: [] }
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) sink.lines.push(JSON.parse(line))
      done()
    },
  })
  return { logger: pino({ level: 'debug', base: undefined }, stream), sink }
}

const SOURCE = {
  id: 'msit-2026-01',
  title: '독자 AI 파운데이션 모델 1차 평가 결과',
  publisher: '과학기술정보통신부',
  url: 'https://www.msit.go.kr/bbs/view.do?nttSeqNo=1',
  date: '2026-01-15',
}
const TEAMS = [
  { id: 'lg-ai-research', ko: 'LG AI연구원', en: 'LG AI Research', model: 'K-EXAONE' },
  { id: 'upstage', ko: '업스테이지', en: 'Upstage', model: 'Solar Open' },
]

function provisionalAnswer(question: string, lang: Lang, title: string, extra: Partial<Answer> = {}): Answer {
  const blocks = {
    title,
    paragraphs: [`${title}: ${question}`],
    fields: [{ label: lang === 'ko' ? '진출' : 'Advanced', items: TEAMS.map((t) => t[lang]) }],
    sources: [SOURCE],
    asOf: SOURCE.date,
    conflict: false,
  }
  return {
    lang,
    text: blocks.paragraphs.join('\n'),
    blocks,
    question,
    intent: 'search',
    answered: true,
    sources: [SOURCE],
    context: {},
    suggestions: [],
    ...extra,
  }
}

/**
 * TODO(#3): replaced by the real core (createKaiCore over test/fixtures/corpus) as soon as it lands.
 * Echoes the question (so escaping is exercised), cites one source, and keeps a team as context
 * so follow-ups can be told apart.
 */
export function provisionalCore(): KaiCore {
  const detectLang = (text: string, fallback: Lang = 'ko'): Lang =>
    /[가-힣]/.test(text) ? 'ko' : /[a-z]/i.test(text) ? 'en' : fallback
  const teamIn = (q: string) =>
    TEAMS.find((t) => q.includes(t.ko) || q.toLowerCase().includes(t.en.toLowerCase()))
  return {
    ask: (q, o) => {
      const lang = o?.lang ?? detectLang(q, o?.fallbackLang)
      const team = teamIn(q) ?? TEAMS.find((t) => t.id === o?.context?.teamId)
      const title = team && /모델|model/i.test(q) ? `${team[lang]}: ${team.model}` : 'answer'
      return provisionalAnswer(q, lang, title, { context: team ? { teamId: team.id } : {} })
    },
    results: (phase, lang) => provisionalAnswer(String(phase ?? 'latest'), lang, 'results'),
    team: (name, lang) => {
      const team = TEAMS.find((t) => t.id === name || t.ko === name || t.en === name)
      return provisionalAnswer(name, lang, team ? team[lang] : 'no such team', { answered: Boolean(team) })
    },
    help: (lang) => provisionalAnswer('', lang, 'help'),
    suggestTeams: () => [],
    suggestQuestions: () => [],
    resolveTeam: (name) => TEAMS.find((t) => t.id === name || t.ko === name || t.en === name)?.id,
    teamName: (id, lang) => TEAMS.find((t) => t.id === id)?.[lang] ?? id,
    detectLang,
  }
}

export interface SlackHarness {
  slack: FakeSlack
  adapter: SlackAdapter
  /** Signs and POSTs to the adapter's /slack/events (HTTP mode only). */
  send: Sender
  baseUrl: string
  notifications: NotificationService
  logs: LogSink
  stop(): Promise<void>
}

export interface HarnessOptions {
  mode?: 'http' | 'socket'
  env?: Record<string, string>
  core?: KaiCore
}

/** Starts a fake Slack and the Slack adapter connected to it through the real configuration code. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const slack = await startFakeSlack()
  const { logger, sink } = logSink()
  const config = loadConfig({
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    ...(options.mode === 'socket' && { SLACK_APP_TOKEN: slack.appToken }),
    ...options.env,
  })
  const store = openSqliteStore({ path: ':memory:', readonly: false })
  const notifications = createNotifications({
    store,
    sinks: [],
    logger,
    clock: systemClock,
    config: config.notify,
  })
  const adapter = createSlackAdapter(config.slack!, {
    core: options.core ?? provisionalCore(),
    notifications: notifications.service,
    logger,
  })
  await adapter.start()
  const address = adapter.httpAddress()
  const baseUrl = address ? `http://127.0.0.1:${address.port}` : ''
  return {
    slack,
    adapter,
    send: slack.sender(`${baseUrl}/slack/events`),
    baseUrl,
    notifications: notifications.service,
    logs: sink,
    async stop() {
      await adapter.stop()
      await slack.close()
    },
  }
}
