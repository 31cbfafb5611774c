/** Levenshtein distance between two strings (by UTF-16 code unit; ids are ASCII). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
    }
    prev = cur
  }
  return prev[b.length]!
}

/**
 * The closest known value to `wrong`, when it is close enough to be a typo:
 * at most a third of its length (and at least 2) edits away, or one containing the other.
 */
export function closestMatch(wrong: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(wrong.length / 3))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of known) {
    let d = editDistance(wrong, candidate)
    // "naver" for "naver-cloud": a prefix is a likely intent even when many letters are missing.
    if (d > limit && wrong.length >= 3 && (candidate.startsWith(wrong) || wrong.startsWith(candidate))) {
      d = limit
    }
    if (d <= limit && d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** ` — did you mean 'x'?` when a close match exists, otherwise `fallback`. */
export function didYouMean(wrong: string, known: Iterable<string>, fallback: string): string {
  const match = closestMatch(wrong, known)
  return match === undefined ? fallback : ` — did you mean '${match}'?`
}
