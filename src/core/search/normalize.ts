/**
 * Text normalisation shared by the analyzer, the entity matcher and the synonym table,
 * so that every part of search agrees on what "the same text" means.
 */

/** NFKC, lower case, whitespace collapsed to single spaces and trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim()
}

const HANGUL_SYLLABLE = /^[\uAC00-\uD7A3]$/
const ALNUM = /^[\p{L}\p{N}]$/u
const SEPARATOR = /^[\s\p{P}]$/u

/** Character classes whose boundaries separate words even without a space ("LG AI연구원" → lg | ai | 연구원). */
export type CharClass = 'hangul' | 'alnum' | 'space' | 'other'

/** The class of one UTF-16 code unit of normalised text. */
export function charClass(ch: string | undefined): CharClass {
  if (ch === undefined || SEPARATOR.test(ch)) return 'space'
  if (HANGUL_SYLLABLE.test(ch)) return 'hangul'
  if (ALNUM.test(ch)) return 'alnum'
  return 'other'
}

/**
 * Normalised text for matching, one entry per code unit, with the span each unit came from in the
 * (NFC) input. Punctuation becomes a space so that "K-EXAONE", "K EXAONE" and "A.X K1" match their names.
 */
export interface MappedText {
  units: string[]
  from: number[]
  to: number[]
}

/** Normalise `text` (NFC first, then NFKC + lower case per code point) keeping offsets into `text.normalize('NFC')`. */
export function mapNormalized(text: string): MappedText {
  const src = text.normalize('NFC')
  const units: string[] = []
  const from: number[] = []
  const to: number[] = []
  let offset = 0
  for (const cp of src) {
    const start = offset
    offset += cp.length
    let out = cp.normalize('NFKC').toLowerCase()
    if (/^[\s\p{P}]+$/u.test(out)) out = ' '
    for (const unit of out) {
      if (unit === ' ' && (units.length === 0 || units[units.length - 1] === ' ')) continue
      units.push(unit)
      from.push(start)
      to.push(offset)
    }
  }
  if (units[units.length - 1] === ' ') {
    units.pop()
    from.pop()
    to.pop()
  }
  return { units, from, to }
}

/** The matching form of a name: as `mapNormalized` renders it, joined back into a string. */
export function matchForm(text: string): string {
  return mapNormalized(text).units.join('')
}
