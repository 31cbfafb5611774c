import { josa as hangulJosa } from 'es-hangul'

/** The particle pairs templates use; the first form follows a final consonant (받침), the second a vowel. */
export type Particle =
  | '이/가'
  | '을/를'
  | '은/는'
  | '으로/로'
  | '와/과'
  | '이나/나'
  | '이란/란'
  | '이랑/랑'
  | '이에요/예요'
  | '이라/라'
  | '으로서/로서'

// es-hangul writes 와/과 with the vowel form first; we accept the pair either way round.
type ParticleInput = Particle | '과/와'

/**
 * How a Latin letter is read when it ends an acronym (SKT → 티, LG → 지, NC AI → 아이).
 * Only the final syllable matters for the particle, so each entry is that syllable.
 */
const LETTER_READING: Record<string, string> = {
  a: '이', // 에이
  b: '비',
  c: '씨',
  d: '디',
  e: '이',
  f: '프', // 에프
  g: '지',
  h: '치', // 에이치
  i: '이', // 아이
  j: '이', // 제이
  k: '이', // 케이
  l: '엘',
  m: '엠',
  n: '엔',
  o: '오',
  p: '피',
  q: '큐',
  r: '알',
  s: '스', // 에스
  t: '티',
  u: '유',
  v: '이', // 브이
  w: '유', // 더블유
  x: '스', // 엑스
  y: '이', // 와이
  z: '트', // 제트
}

/**
 * Names in the corpus (and common words next to them) whose Korean reading is not what the
 * letter-by-letter or English-ending rules give; the value is the reading's final syllable.
 */
const WORD_READING: Record<string, string> = {
  exaone: '원', // 엑사원
  'k-exaone': '원',
  solar: '라', // 솔라
  open: '픈', // 오픈
  upstage: '지',
  naver: '버',
  cloud: '드',
  clova: '바',
  hyperclova: '바',
  seed: '드',
  omni: '니',
  think: '크',
  motif: '프',
  vaetki: '키', // 배키
  varco: '코', // 바르코
  epoch: '크', // 에포크
  moe: '이', // 엠오이
  kosa: '사', // 코사
  coex: '스', // 코엑스
  qwen: '웬', // 큐웬
  deepseek: '크',
  glm: '엠',
  zhipu: '푸',
  trillion: '언',
  labs: '스',
  lab: '랩',
  research: '치',
  technologies: '스',
  telecom: '컴',
  fusion: '전',
  apache: '치',
  hugging: '깅',
  face: '스',
  ai: '이',
  gpu: '유',
  gpus: '스',
  team: '팀',
  model: '델',
  models: '스',
  index: '스',
  frontier: '어',
  diffusion: '전',
  korea: '아',
  herald: '드',
  elice: '스',
  krafton: '톤',
  liner: '너',
  nota: '타',
  lablup: '업',
  flitto: '토',
  vuno: '노',
  twelve: '브',
  k: '이',
  x: '스',
}

/** Readings of digits as Sino-Korean numerals (3 → 삼), used for standalone numbers (3은, 2차에서). */
const SINO_DIGIT = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구']
/** A number ending in zeros is read by its unit: 10 → 십, 100 → 백, 1000 → 천, 10000 → 만. */
const ZERO_UNIT: Record<number, string> = { 1: '십', 2: '백', 3: '천', 4: '만', 5: '만', 6: '만', 7: '만' }
/** Digits glued to Latin letters are read in English (K1 → 케이원, GPT4 → 포). */
const ENGLISH_DIGIT = ['로', '원', '투', '리', '포', '브', '스', '븐', '트', '인']

const HANGUL_SYLLABLE = /[가-힣]/
const TRAILING_NOISE = /["'’”」』》〉)\]\s.,!?…·]+$/u

/** The final syllable a Korean speaker would pronounce for `word`, or undefined when there is none to read. */
export function readingTail(word: string): string | undefined {
  let w = word.normalize('NFC').trim()
  // "K-EXAONE(케이엑사원)": the particle follows the word before the parenthesis.
  const paren = /^(.*\S)\s*[(（][^()（）]*[)）]$/u.exec(w)
  if (paren?.[1]) w = paren[1]
  w = w.replace(TRAILING_NOISE, '')
  if (w === '') return undefined
  if (w.endsWith('%')) return '트' // 퍼센트
  const last = w.at(-1)!
  if (HANGUL_SYLLABLE.test(last)) return last
  if (/\d/.test(last)) return numberTail(w)
  if (/[A-Za-z]/.test(last)) return latinTail(w)
  return undefined
}

function numberTail(w: string): string {
  const m = /([A-Za-z]?)([\d,]*\d)(?:\.(\d+))?$/.exec(w)!
  const [, letterBefore, intPart = '', frac] = m
  if (frac !== undefined) return SINO_DIGIT[Number(frac.at(-1))]!
  const digits = intPart.replace(/,/g, '')
  if (letterBefore) return ENGLISH_DIGIT[Number(digits.at(-1))]!
  const zeros = /0*$/.exec(digits)![0].length
  if (zeros === digits.length) return '영'
  if (zeros >= 8 && zeros < 12) return '억'
  if (zeros >= 12) return '조'
  if (zeros > 0) return ZERO_UNIT[zeros]!
  return SINO_DIGIT[Number(digits.at(-1))]!
}

function latinTail(w: string): string {
  const token = /[A-Za-z][A-Za-z0-9-]*$/.exec(w)![0]
  const lower = token.toLowerCase()
  const known = WORD_READING[lower] ?? WORD_READING[lower.split('-').at(-1)!]
  if (known) return known
  const word = lower.split('-').at(-1)!
  // Short all-caps tokens are spelt out letter by letter: SKT → 티, LG → 지, NIPA → 아 (니파) by luck.
  const isAcronym = token === token.toUpperCase() && (token.length <= 4 || !/[aeiou]/i.test(word))
  if (isAcronym) return LETTER_READING[word.at(-1)!]!
  return englishEnding(word)
}

/** A rough reading of an English word's final sound: only batchim vs none vs ㄹ matters. */
function englishEnding(word: string): string {
  if (/(le|l)$/.test(word)) return '을' // table → 테이블
  if (/m$/.test(word)) return '엠'
  if (/(ng)$/.test(word)) return '앙'
  if (/(n|ne)$/.test(word)) return '언'
  return '아'
}

/** When nothing can be read (e.g. a symbol), Korean writes both forms: 이(가), (으)로. */
const UNKNOWN_FORM: Record<Particle, string> = {
  '이/가': '이(가)',
  '을/를': '을(를)',
  '은/는': '은(는)',
  '으로/로': '(으)로',
  '와/과': '와(과)',
  '이나/나': '(이)나',
  '이란/란': '(이)란',
  '이랑/랑': '(이)랑',
  '이에요/예요': '(이)에요',
  '이라/라': '(이)라',
  '으로서/로서': '(으)로서',
}

function normalizePair(particle: ParticleInput): Particle {
  return particle === '과/와' ? '와/과' : particle
}

/** The form of `particle` that grammatically follows `word` ("SKT" + 은/는 → 는, "3" + 은/는 → 은). */
export function pickParticle(word: string, particle: ParticleInput): string {
  const pair = normalizePair(particle)
  const tail = readingTail(word)
  if (tail === undefined) return UNKNOWN_FORM[pair]
  return hangulJosa.pick(tail, pair)
}

/** `word` followed by the right form of `particle`: withParticle('LG AI연구원', '은/는') → 'LG AI연구원은'. */
export function withParticle(word: string, particle: ParticleInput): string {
  return `${word}${pickParticle(word, particle)}`
}

/**
 * Joins names so they read naturally: Korean "A, B와 C" (the 와/과 follows B), English "A, B and C".
 * `conjunction` switches Korean to 이나/나 for "or".
 */
export function joinList(
  items: readonly string[],
  lang: 'ko' | 'en',
  conjunction: 'and' | 'or' = 'and',
): string {
  if (items.length === 0) return ''
  if (items.length === 1) return items[0]!
  const head = items.slice(0, -1)
  const last = items.at(-1)!
  if (lang === 'en') {
    const word = conjunction === 'and' ? 'and' : 'or'
    return items.length === 2 ? `${head[0]} ${word} ${last}` : `${head.join(', ')} ${word} ${last}`
  }
  const beforeLast = head.at(-1)!
  const joined = withParticle(beforeLast, conjunction === 'and' ? '와/과' : '이나/나')
  return [...head.slice(0, -1), `${joined} ${last}`].join(', ')
}
