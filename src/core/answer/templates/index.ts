import type { Lang } from '../types.js'
import { en } from './en.js'
import { ko } from './ko.js'
import type { Templates } from './types.js'

export type { Stage, Templates } from './types.js'

/** The templates of one language. */
export function templatesFor(lang: Lang): Templates {
  return lang === 'en' ? en : ko
}
