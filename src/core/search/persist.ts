import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Corpus } from '../corpus/types.js'
import { ANALYZER_VERSION } from './analyzer.js'
import { createEntityMatcher, type EntityMatcher } from './entities.js'
import { buildPassages } from './passages.js'
import {
  createSearchIndex,
  type PersistedSearchIndex,
  restoreSearchIndex,
  type SearchIndex,
} from './search-index.js'

const PREFIX = 'search-index-'

/** The file an index of this corpus and analyzer version is saved to: a new corpus or analyzer means a new file. */
export function indexFileName(corpusHash: string): string {
  return `${PREFIX}${corpusHash.slice(0, 16)}-a${ANALYZER_VERSION}.json`
}

/** Writes the index under `dir` atomically (temp file + rename) and removes indexes of older corpora. */
export function saveIndex(dir: string, corpusHash: string, index: SearchIndex): string {
  mkdirSync(dir, { recursive: true })
  const name = indexFileName(corpusHash)
  const path = join(dir, name)
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(index.toJSON()))
  renameSync(temp, path)
  for (const old of readdirSync(dir)) {
    if (old.startsWith(PREFIX) && old !== name && old.endsWith('.json'))
      rmSync(join(dir, old), { force: true })
  }
  return path
}

/** Loads the index saved for this corpus and analyzer version, or undefined (missing, stale or unreadable). */
export function loadIndex(dir: string, corpus: Corpus, matcher?: EntityMatcher): SearchIndex | undefined {
  const persisted = readPersisted(dir, corpus.hash)
  return persisted && restore(persisted, corpus, matcher)
}

function restore(persisted: PersistedSearchIndex, corpus: Corpus, matcher?: EntityMatcher) {
  try {
    return restoreSearchIndex(persisted, { passages: buildPassages(corpus), ...(matcher && { matcher }) })
  } catch {
    return undefined
  }
}

function readPersisted(dir: string, corpusHash: string): PersistedSearchIndex | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, indexFileName(corpusHash)), 'utf8')) as PersistedSearchIndex
  } catch {
    // Missing, truncated or hand-edited: not an error for the bot, rebuilding is always possible.
    return undefined
  }
}

/** Where the index came from, so callers can log it. */
export type IndexOrigin = 'loaded' | 'built'

/**
 * The search index for `corpus`: loaded from `dataDir` when saved for the same corpus hash and analyzer
 * version, otherwise built (and saved when `dataDir` is given). Saving failures do not fail the build.
 */
export function loadOrBuildIndex(
  corpus: Corpus,
  options: { dataDir?: string; onSaveError?: (err: unknown) => void } = {},
): { index: SearchIndex; matcher: EntityMatcher; origin: IndexOrigin } {
  const persisted = options.dataDir ? readPersisted(options.dataDir, corpus.hash) : undefined
  if (persisted) {
    // The file is keyed by the corpus hash, so its known words are this corpus's.
    const saved = persisted.knownWords
    const matcher = createEntityMatcher(corpus, saved ? { knownWords: saved } : {})
    const loaded = restore(persisted, corpus, matcher)
    if (loaded) return { index: loaded, matcher, origin: 'loaded' }
  }
  const matcher = createEntityMatcher(corpus)
  const index = createSearchIndex(buildPassages(corpus), { matcher })
  if (options.dataDir) {
    try {
      saveIndex(options.dataDir, corpus.hash, index)
    } catch (err) {
      options.onSaveError?.(err)
    }
  }
  return { index, matcher, origin: 'built' }
}
