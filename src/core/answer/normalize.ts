/** NFKC, lower case, one space between words: the form every keyword and alias is matched against. */
export function normalizeQuestion(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The normalized text without spaces, so "2차 평가" and "2차평가" (spacing variants) match alike. */
export function compact(text: string): string {
  return normalizeQuestion(text).replace(/[\s\-_·.'’"“”]/g, '')
}
