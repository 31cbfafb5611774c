/**
 * `npm run corpus:check [dir]`: validates a corpus directory (default: CORPUS_DIR, else `corpus`).
 * Prints every problem as `file:line path: message` and exits 1, or prints a one-line summary and exits 0.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, loadDotEnv } from '../src/config.js'
import {
  ConfigError,
  type Corpus,
  type CorpusIssue,
  findAbsolutePaths,
  formatCorpusIssue,
  loadCorpus,
} from '../src/core/index.js'

function corpusDir(argv: string[]): string {
  const arg = argv.find((a) => !a.startsWith('-'))
  if (arg) return arg
  loadDotEnv()
  return loadConfig(process.env).corpusDir
}

/** The corpus's own docs (README.md beside the YAML files), which the loader does not read: no absolute paths. */
function checkDocs(dir: string): CorpusIssue[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) =>
      findAbsolutePaths(`${dir.replace(/\/+$/, '')}/${name}`, readFileSync(join(dir, name), 'utf8')),
    )
}

/** `corpus: 97 sources, 24 events, …` — the counts the corpus README's closing note quotes. */
function summarize(corpus: Corpus): string {
  const counts: [string, number][] = [
    ['sources', corpus.sources.length],
    ['events', corpus.events.length],
    ['teams', corpus.teams.length],
    ['people', corpus.people.length],
    ['quotes', corpus.people.reduce((n, p) => n + p.quotes.length, 0)],
    ['terms', corpus.terms.length],
    ['facts', corpus.facts.length],
    ['conflicts', corpus.conflicts.length],
    ['documents', corpus.documents.length],
  ]
  return counts.map(([name, n]) => `${n} ${name}`).join(', ')
}

async function main(): Promise<number> {
  let dir: string
  try {
    dir = corpusDir(process.argv.slice(2))
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.problems) console.error(line)
      return 1
    }
    throw err
  }
  if (!existsSync(dir)) {
    console.error(`${dir}: no such directory — pass the corpus directory or set CORPUS_DIR`)
    return 1
  }
  const started = performance.now()
  const result = await loadCorpus(dir)
  const ms = Math.round(performance.now() - started)
  const issues = [...(result.ok ? [] : result.issues), ...checkDocs(dir)]
  if (!result.ok || issues.length > 0) {
    for (const issue of issues) console.error(formatCorpusIssue(issue))
    console.error(`${dir}: ${issues.length} problem(s) — fix them and run npm run corpus:check again`)
    return 1
  }
  console.log(`${dir}: ok — ${summarize(result.corpus)} (loaded in ${ms} ms)`)
  return 0
}

process.exitCode = await main()
