/**
 * `npm run notify:preview`: a dry run. Loads the corpus (CORPUS_DIR) and prints the change events
 * and the messages the bot would send, against the baseline stored in DATA_DIR, and to which
 * channels. It opens the store read-only and writes nothing.
 */
import { existsSync } from 'node:fs'
import { pino } from 'pino'
import { loadConfig, loadDotEnv } from '../src/config.js'
import {
  ConfigError,
  formatCorpusIssue,
  loadCorpus,
  type NotificationPreview,
  type NotifyStore,
  previewNotifications,
  renderChange,
} from '../src/core/index.js'
import { openSqliteStore, storePath } from '../src/store/sqlite-store.js'

/** The preview as text: a header, then each change with its ko and en message and its channels. */
export function formatPreview(
  preview: NotificationPreview,
  where: { store: string; corpus: string },
): string {
  const out: string[] = []
  out.push(`corpus: ${where.corpus}`)
  out.push(
    preview.baseline
      ? `baseline: ${where.store} (recorded ${preview.baseline.updatedAt})`
      : `baseline: none in ${where.store} — the first start records it silently and announces nothing`,
  )
  if (preview.events.length === 0) {
    out.push('no changes to announce')
    return out.join('\n')
  }
  out.push(`${preview.events.length} change(s) to announce, oldest first:`)
  preview.events.forEach((event, i) => {
    out.push('')
    out.push(
      `[${i + 1}] ${event.id} (${event.kind}, ${event.date || 'undated'}; teams: ${event.teams.join(', ') || '-'})`,
    )
    for (const lang of ['ko', 'en'] as const) {
      const lines = renderChange(event, lang).text.split('\n')
      out.push(`  ${lang}: ${lines[0]}`)
      for (const line of lines.slice(1)) out.push(`      ${line}`)
    }
    const to = preview.deliveries
      .filter((d) => d.eventId === event.id)
      .map((d) => `${d.channelKey} (${d.lang})`)
    out.push(`  → ${to.length > 0 ? to.join(', ') : 'no subscribed channel matches'}`)
  })
  return out.join('\n')
}

async function main(): Promise<number> {
  loadDotEnv()
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.problems) console.error(line)
      return 1
    }
    throw err
  }
  const loaded = await loadCorpus(config.corpusDir)
  if (!loaded.ok) {
    console.error(`the corpus is not valid, so nothing would be announced:`)
    for (const issue of loaded.issues) console.error(`  ${formatCorpusIssue(issue)}`)
    return 1
  }
  const path = storePath(config.dataDir)
  const store: NotifyStore | null = existsSync(path) ? openSqliteStore({ path, readonly: true }) : null
  try {
    const empty = {
      loadBaseline: async () => null,
      listSubscriptions: async () => [],
      getMeta: async () => undefined,
    }
    const preview = await previewNotifications(store ?? empty, loaded.corpus, {
      announceCurrent: config.notify.announceCurrent,
      logger: pino({ level: 'warn' }),
    })
    console.log(formatPreview(preview, { store: path, corpus: config.corpusDir }))
    return 0
  } finally {
    await store?.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`notify:preview failed: ${(err as Error).message}`)
      process.exit(1)
    },
  )
}
