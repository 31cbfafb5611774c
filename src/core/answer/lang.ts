import type { Lang } from './types.js'

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/
const LATIN = /[A-Za-z]/

/** Hangul anywhere → Korean; otherwise Latin letters → English; otherwise the fallback (e.g. "2차?" → the user's locale). */
export function detectLang(text: string, fallback: Lang = 'ko'): Lang {
  if (HANGUL.test(text)) return 'ko'
  if (LATIN.test(text)) return 'en'
  return fallback
}
