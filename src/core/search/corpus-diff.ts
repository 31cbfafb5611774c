import type { Corpus, CorpusDocument } from '../corpus/types.js'

/**
 * What an edit changed between two versions of a corpus, as far as search cares: documents are most of a
 * large corpus (every article and press release), everything else (teams, timeline, facts…) is small.
 */
export interface CorpusDiff {
  /** Anything outside `documents` changed (then whatever depends on it is rebuilt). */
  othersChanged: boolean
  /** Documents that are new or whose text or metadata changed, as they are now. */
  changed: CorpusDocument[]
  /** The previous version of every changed or removed document (absent for new ones). */
  previous: CorpusDocument[]
  /** Document ids are unique in both versions (the corpus check ensures it; diffs rely on it). */
  uniqueIds: boolean
}

/** Compares `next` with `before`; strings are compared by value, so a corpus read again from disk compares equal. */
export function diffCorpus(before: Corpus, next: Corpus): CorpusDiff {
  const old = new Map(before.documents.map((d) => [d.id, d]))
  const ids = new Set(next.documents.map((d) => d.id))
  const uniqueIds = old.size === before.documents.length && ids.size === next.documents.length
  const changed: CorpusDocument[] = []
  const previous: CorpusDocument[] = []
  for (const doc of next.documents) {
    const was = old.get(doc.id)
    if (was && sameFields(was, doc)) continue
    changed.push(doc)
    if (was) previous.push(was)
  }
  for (const doc of before.documents) if (!ids.has(doc.id)) previous.push(doc)
  return { othersChanged: withoutDocuments(before) !== withoutDocuments(next), changed, previous, uniqueIds }
}

/** The corpus except its documents (and where it was read from), as JSON: cheap, the documents are the bulk. */
function withoutDocuments(corpus: Corpus): string {
  return JSON.stringify({ ...corpus, documents: [], dir: '', hash: '' })
}

/** Field by field; strings and string arrays by value, anything else as JSON (documents hold little else). */
function sameFields(a: CorpusDocument, b: CorpusDocument): boolean {
  const x = a as unknown as Record<string, unknown>
  const y = b as unknown as Record<string, unknown>
  const keys = Object.keys(x)
  if (keys.length !== Object.keys(y).length) return false
  for (const key of keys) {
    const u = x[key]
    const v = y[key]
    if (u === v) continue
    if (Array.isArray(u) && Array.isArray(v)) {
      if (u.length !== v.length || u.some((item, i) => item !== v[i])) return false
    } else if (JSON.stringify(u) !== JSON.stringify(v)) return false
  }
  return true
}
