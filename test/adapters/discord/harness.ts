import { Writable } from 'node:stream'
import { pino } from 'pino'
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../../adapters/discord/index.js'
import { loadConfig } from '../../../src/config.js'
import type { Answer, ChatAdapter, KaiCore, Lang, NotificationService } from '../../../src/core/index.js'
import { createNotifications, systemClock } from '../../../src/core/index.js'
import { openSqliteStore } from '../../../src/store/sqlite-store.js'
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js'

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

function provisionalAnswer(question: string, lang: Lang, title: string, answered = true): Answer {
  const blocks = {
    title,
    paragraphs: [`${title}: ${question}`],
    fields: [],
    sources: [],
    asOf: null,
    conflict: false,
  }
  return {
    lang,
    text: blocks.paragraphs.join('\n'),
    blocks,
    question,
    intent: 'search',
    answered,
    sources: [],
    context: {},
    suggestions: [],
  }
}

/** TODO(#5): replaced by the real core (createKaiCore) as soon as it lands. */
export function provisionalCore(): KaiCore {
  const detectLang = (text: string, fallback: Lang = 'ko'): Lang =>
    /[가-힣]/.test(text) ? 'ko' : /[a-z]/i.test(text) ? 'en' : fallback
  const teams = [
    { id: 'lg-ai-research', ko: 'LG AI연구원', en: 'LG AI Research' },
    { id: 'skt', ko: 'SK텔레콤', en: 'SK Telecom' },
  ]
  return {
    ask: (q, o) => provisionalAnswer(q, o?.lang ?? detectLang(q, o?.fallbackLang), 'answer'),
    results: (phase, lang) => provisionalAnswer(String(phase), lang, 'results'),
    team: (name, lang) =>
      provisionalAnswer(
        name,
        lang,
        'team',
        teams.some((t) => t.id === name),
      ),
    help: (lang) => provisionalAnswer('', lang, 'help'),
    suggestTeams: (prefix, lang, limit = 25) =>
      teams
        .filter((t) => t[lang].startsWith(prefix))
        .map((t) => ({ name: t[lang], value: t.id }))
        .slice(0, limit),
    suggestQuestions: (prefix, lang, limit = 25) =>
      [`${prefix}?`, 'x'.repeat(150)].map((q) => ({ name: q, value: q })).slice(0, limit),
    resolveTeam: (name) => teams.find((t) => t.id === name || t.ko === name || t.en === name)?.id,
    teamName: (id, lang) => teams.find((t) => t.id === id)?.[lang] ?? id,
    detectLang,
  }
}

export interface Harness {
  discord: FakeDiscord
  adapter: ChatAdapter
  notifications: NotificationService
  logs: LogSink
  stop(): Promise<void>
}

/** Starts a fake Discord and the Discord adapter connected to it through the real configuration code. */
export async function startHarness(
  options: DiscordAdapterOptions & { core?: KaiCore } = {},
): Promise<Harness> {
  const discord = await startFakeDiscord()
  const { logger, sink } = logSink()
  const config = loadConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_APPLICATION_ID: discord.applicationId,
  })
  const store = openSqliteStore({ path: ':memory:', readonly: false })
  const notifications = createNotifications({
    store,
    sinks: [],
    logger,
    clock: systemClock,
    config: config.notify,
  })
  const core = options.core ?? provisionalCore()
  const adapter = createDiscordAdapter(
    config.discord!,
    { core, notifications: notifications.service, logger },
    options,
  )
  await adapter.start()
  await discord.waitForSession()
  return {
    discord,
    adapter,
    notifications: notifications.service,
    logs: sink,
    async stop() {
      await adapter.stop()
      await discord.close()
    },
  }
}
