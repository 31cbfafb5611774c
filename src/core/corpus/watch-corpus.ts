import { type FSWatcher, watch } from 'node:fs'
import type { CorpusIssue } from '../errors.js'
import { hashCorpusFiles, readCorpusFiles, validateCorpus } from './load-corpus.js'
import type { Corpus } from './types.js'

/** The few logger methods the watcher uses; a pino logger fits. */
export interface WatchLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface WatchCorpusOptions {
  /** Called with each new valid corpus (never twice in a row for the same files). */
  onLoad(corpus: Corpus): void
  /** Called when an edit leaves the corpus invalid; the caller keeps serving its last good corpus. */
  onError(issues: CorpusIssue[]): void
  logger?: WatchLogger
  /** Quiet time after the last change before reloading: editors write a file in several steps. */
  debounceMs?: number
  /** Hash of the corpus the caller already serves, so an unchanged corpus is not reported again. */
  currentHash?: string
  /**
   * Also re-read the corpus this often (ms; 0 = never). File events can be missed — an edit made while the
   * watch is still starting, or on a network filesystem — and an unchanged corpus costs only a read and a hash.
   */
  rescanMs?: number
}

/** A running watch; `close()` stops it and cancels any pending reload. */
export interface CorpusWatch {
  close(): void
}

const noopLogger: WatchLogger = { info() {}, warn() {}, error() {} }

/** Only these changes can alter the corpus; editors' swap and backup files are ignored. */
function isRelevant(filename: string | null): boolean {
  if (filename === null) return true
  const name = filename.split('/').pop() ?? filename
  if (name.startsWith('.') || name.endsWith('~')) return false
  return name.endsWith('.yaml') || name.endsWith('.md') || name === 'documents'
}

/**
 * Watches a corpus directory (recursively, so documents/ too) and reloads it after each burst of edits.
 * A valid corpus whose files differ from the last one seen goes to `onLoad`; an invalid one goes to
 * `onError` with every issue. After an error, the next valid corpus is always reported, even when it is
 * the same as the one before the error.
 */
export function watchCorpus(dir: string, options: WatchCorpusOptions): CorpusWatch {
  const { onLoad, onError, debounceMs = 200, rescanMs = 0 } = options
  const log = options.logger ?? noopLogger
  let lastHash = options.currentHash
  let timer: NodeJS.Timeout | undefined
  let running = false
  let rerun = false
  let closed = false

  const reload = async (): Promise<void> => {
    if (running) {
      rerun = true
      return
    }
    running = true
    try {
      do {
        rerun = false
        await reloadOnce()
      } while (rerun && !closed)
    } finally {
      running = false
    }
  }

  const reloadOnce = async (): Promise<void> => {
    const started = performance.now()
    let files: Awaited<ReturnType<typeof readCorpusFiles>>
    try {
      files = await readCorpusFiles(dir)
    } catch (err) {
      if (closed) return
      log.error({ err, dir }, 'corpus could not be read; keeping the last good corpus')
      lastHash = undefined
      onError([
        { file: dir, line: 1, path: '', message: `cannot read the corpus: ${(err as Error).message}` },
      ])
      return
    }
    const hash = hashCorpusFiles(files)
    // The last files seen, valid or not: nothing to report again.
    if (closed || hash === lastHash) return
    const result = validateCorpus(dir, files)
    if (closed) return
    if (!result.ok) {
      lastHash = hash
      log.warn({ dir, issues: result.issues.length }, 'corpus has errors; keeping the last good corpus')
      onError(result.issues)
      return
    }
    lastHash = hash
    log.info({ dir, hash, ms: Math.round(performance.now() - started) }, 'corpus reloaded')
    onLoad(result.corpus)
  }

  const schedule = () => {
    if (closed) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      reload().catch((err: unknown) => log.error({ err, dir }, 'corpus reload failed'))
    }, debounceMs)
  }

  // Recursive fs.watch works on Linux since Node 20 (and natively on macOS and Windows).
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, filename) => {
    if (isRelevant(filename)) schedule()
  })
  watcher.on('error', (err) => log.error({ err, dir }, 'corpus watch failed'))
  // An edit made between the caller's load and this watch starting must not be lost: look once now.
  if (options.currentHash !== undefined) schedule()
  const rescan = rescanMs > 0 ? setInterval(schedule, rescanMs) : undefined
  rescan?.unref()

  return {
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      if (rescan) clearInterval(rescan)
      watcher.close()
    },
  }
}
