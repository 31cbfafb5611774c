import type { Corpus } from '../corpus/types.js'
import type { CorpusDiff } from './corpus-diff.js'
import { buildPassages, documentPassages } from './passages.js'
import type { SearchIndex } from './search-index.js'

/**
 * Brings `index`, built over the corpus `diff` was taken from, to the passages of `next`. When only
 * documents changed, only their passages are rendered and compared; otherwise every passage is. The
 * passages are rendered before the index is touched, so a corpus that cannot be rendered leaves it as it
 * was. Perf (issue 7): rendering and comparing all 10k passages was most of applying one changed document.
 */
export function updateSearchIndex(index: SearchIndex, next: Corpus, diff: CorpusDiff) {
  if (diff.othersChanged || !diff.uniqueIds) return index.syncPassages(buildPassages(next))
  // Document passage ids are `document:<document id>:…`, unique while document ids are (diff.uniqueIds).
  const upsert = diff.changed.flatMap(documentPassages)
  const kept = new Set(upsert.map((p) => p.id))
  const gone = diff.previous
    .flatMap(documentPassages)
    .map((p) => p.id)
    .filter((id) => !kept.has(id))
  return index.updatePassages(upsert, gone)
}
