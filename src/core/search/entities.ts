import type { Corpus } from '../corpus/types.js'
import type { CorpusDiff } from './corpus-diff.js'
import { type CharClass, charClass, mapNormalized, matchForm } from './normalize.js'

/** What a name in a question refers to. */
export type EntityKind = 'team' | 'model' | 'organization' | 'person' | 'term' | 'program'

/** One name recognised in a text; `start`/`end` are offsets into the (NFC) input, `exact` is false for a typo match. */
export interface EntityMention {
  kind: EntityKind
  id: string
  surface: string
  start: number
  end: number
  exact: boolean
}

/** A corpus entity with its canonical names, used to expand a mention into the words the corpus uses. */
export interface EntityRecord {
  kind: EntityKind
  id: string
  names: { ko: string; en: string }
  /** Every name and alias as written in the corpus. */
  surfaces: string[]
}

/** Finds team, model, organisation, person, glossary and program names in free text. */
export interface EntityMatcher {
  find(text: string): EntityMention[]
  /** The record of one entity, e.g. to print or expand its canonical names. */
  get(kind: EntityKind, id: string): EntityRecord | undefined
  records(): readonly EntityRecord[]
}

/**
 * When one surface names several entities ("LG" is a team and an organisation), the first kind
 * here wins: questions are mostly about teams and their models.
 */
const KIND_PRIORITY: readonly EntityKind[] = ['team', 'model', 'program', 'organization', 'person', 'term']

/**
 * Typo rule (measured on the fixture questions and on every word of the corpus, see entities.test.ts):
 * - only names of teams, models, organisations, people and the program (glossary terms are ordinary
 *   words, so they never fuzzy-match);
 * - at most one edit (substitution, insertion, deletion or swap of neighbours) in the name's matching
 *   form without spaces, which must be at least 4 characters for Hangul names and 5 for Latin-only
 *   names (4 Latin letters carry too little: "kakao" → "kaka" is fine, but "naver" ↔ "never");
 * - the first character must be right (typos rarely hit the first letter, and it keeps the search cheap);
 * - the typed word must not itself be a word of the corpus or a common English word: a real word is
 *   never taken for a misspelt name. For a name of several words this holds word by word: in
 *   "업스테이지 목표" the edit would fall on 목표, a real word, so it is not the alias "업스테이지 대표".
 */
export const FUZZY_MIN_HANGUL = 4
export const FUZZY_MIN_LATIN = 5

const COMMON_ENGLISH = new Set(
  (
    'never nature naive navel novel motive motifs upstate upstairs kakis cloudy clouds solar polar sonar lunar ' +
    'modal model models modes mode moral motor total local vocal focal about above after again their there these ' +
    'those where which while would could should other whose might paper papers teams steam start stage state ' +
    'exam example sample simple single people purple public policy police'
  ).split(' '),
)

interface Surface {
  form: string
  compact: string
  records: EntityRecord[]
  fuzzy: boolean
}

interface TrieNode {
  next: Map<string, TrieNode>
  surface?: Surface
}

interface Candidate {
  start: number
  end: number
  surface: Surface
  exact: boolean
  weight: number
}

/**
 * Builds the matcher from every name and alias in the corpus. `knownWords` are the corpus's words as
 * `knownWordsOf` gave them for this very corpus (persisted with its index): reading every word of the
 * corpus again is most of building a matcher (a third of a cold start at 10k passages).
 */
export function createEntityMatcher(
  corpus: Corpus,
  options: { knownWords?: PersistedKnownWords } = {},
): EntityMatcher {
  const names = indexNames(collectRecords(corpus))
  const saved = options.knownWords
  if (saved?.version === KNOWN_WORDS_VERSION) return matcherOf(names, [new Set(saved.words)])
  const words = new Set<string>()
  addKnownWords(words, names, { ...corpus, dir: '', hash: '' })
  return matcherOf(names, [words])
}

/**
 * Bump whenever `addKnownWords` would read a corpus differently: persisted known words of another version
 * are read again from the corpus.
 */
export const KNOWN_WORDS_VERSION = 1

/** A matcher's known words, to persist with the index of the same corpus. */
export interface PersistedKnownWords {
  version: number
  words: string[]
}

/** The words the matcher tells typos from (see createEntityMatcher), or undefined for a foreign matcher. */
export function knownWordsOf(matcher: EntityMatcher): PersistedKnownWords | undefined {
  const state = STATE.get(matcher)
  if (!state) return undefined
  const words =
    state.words.length === 1 ? [...state.words[0]!] : [...new Set(state.words.flatMap((l) => [...l]))]
  return { version: KNOWN_WORDS_VERSION, words }
}

/**
 * The matcher for `next`, reusing `previous` (the matcher of the corpus `next` was edited from, `diff`
 * between them) where the edit leaves it valid. Perf (issue 7): a full build reads every word of the
 * corpus (the known words that tell a typo from a real word), 60% of applying one changed document at
 * 10k passages. When the names did not change, the name index is kept and only the words of what
 * changed are read. The known words then also keep those of text since edited away, until the next full
 * build: a word that only edited-away text used is still taken for a real word, never for a misspelt name.
 */
export function updateEntityMatcher(previous: EntityMatcher, next: Corpus, diff: CorpusDiff): EntityMatcher {
  const state = STATE.get(previous)
  if (!state || (diff.othersChanged && !sameRecords(state.names.records, collectRecords(next))))
    return createEntityMatcher(next)
  // The previous matcher's word sets are shared, never changed: the new words go into a set of their own.
  const added = new Set<string>()
  if (diff.othersChanged) addKnownWords(added, state.names, { ...next, documents: [], dir: '', hash: '' })
  for (const doc of diff.changed) addKnownWords(added, state.names, doc)
  const layers = [...state.words, added]
  // A long run of edits would make every lookup try many sets: merge them now and then.
  return matcherOf(
    state.names,
    layers.length > MAX_WORD_LAYERS ? [new Set(layers.flatMap((l) => [...l]))] : layers,
  )
}

const MAX_WORD_LAYERS = 8

/** Words of the corpus in one or more sets (see updateEntityMatcher). */
type KnownWords = readonly ReadonlySet<string>[]

function isKnown(words: KnownWords, word: string): boolean {
  for (const layer of words) if (layer.has(word)) return true
  return false
}

/** The name index: a trie of every surface form, the fuzzy-eligible ones by first character, and records. */
interface NameIndex {
  records: EntityRecord[]
  byKey: Map<string, EntityRecord>
  root: TrieNode
  fuzzyByFirst: Map<string, Surface[]>
  /** Longest surface (characters without spaces) + 1: the longest word prefix a typo window compares. */
  maxLength: number
  surfaces: Map<string, Surface>
}

/** What `updateEntityMatcher` reuses from a matcher. */
const STATE = new WeakMap<EntityMatcher, { names: NameIndex; words: KnownWords }>()

function indexNames(records: EntityRecord[]): NameIndex {
  const byKey = new Map(records.map((r) => [`${r.kind}:${r.id}`, r]))
  const surfaces = new Map<string, Surface>()
  for (const record of records) {
    for (const raw of record.surfaces) {
      const form = matchForm(raw)
      const compact = form.replaceAll(' ', '')
      if ([...compact].length < 2) continue
      let surface = surfaces.get(form)
      if (!surface) {
        surface = { form, compact, records: [], fuzzy: false }
        surfaces.set(form, surface)
      }
      if (!surface.records.includes(record)) surface.records.push(record)
    }
  }
  const root: TrieNode = { next: new Map() }
  const fuzzyByFirst = new Map<string, Surface[]>()
  for (const surface of surfaces.values()) {
    surface.records.sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind))
    insert(root, surface)
    surface.fuzzy = isFuzzyEligible(surface)
    if (surface.fuzzy) {
      const first = [...surface.compact][0]!
      const list = fuzzyByFirst.get(first) ?? []
      list.push(surface)
      fuzzyByFirst.set(first, list)
    }
  }
  const maxLength = Math.max(0, ...[...surfaces.values()].map((s) => [...s.compact].length)) + 1
  return { records, byKey, root, fuzzyByFirst, maxLength, surfaces }
}

function matcherOf(names: NameIndex, knownWords: KnownWords): EntityMatcher {
  const { records, byKey, root, fuzzyByFirst } = names
  const matcher: EntityMatcher = {
    find(text) {
      const mapped = mapNormalized(text)
      const { units } = mapped
      const candidates: Candidate[] = []
      for (let i = 0; i < units.length; i++) {
        if (!isWordStart(units, i)) continue
        walk(units, i, i, root, (end, surface) => {
          if (endsAtBoundary(units, end, surface)) {
            candidates.push({ start: i, end, surface, exact: true, weight: surface.compact.length * 2 + 1 })
          }
        })
      }
      // Typos are tried even where a shorter exact name starts (네이버클라우듸 holds the alias 네이버):
      // the longer typo match then wins in resolveOverlaps.
      for (let i = 0; i < units.length; i++) {
        if (!isWordStart(units, i)) continue
        const fuzzy = findFuzzy(units, i, fuzzyByFirst.get(units[i]!) ?? [], knownWords)
        if (fuzzy) candidates.push(fuzzy)
      }
      return resolveOverlaps(candidates).map((c) => {
        const record = c.surface.records[0]!
        const src = text.normalize('NFC')
        const start = mapped.from[c.start]!
        const end = mapped.to[c.end - 1]!
        return {
          kind: record.kind,
          id: record.id,
          surface: src.slice(start, end),
          start,
          end,
          exact: c.exact,
        }
      })
    },
    get: (kind, id) => byKey.get(`${kind}:${id}`),
    records: () => records,
  }
  STATE.set(matcher, { names, words: knownWords })
  return matcher
}

function sameRecords(a: readonly EntityRecord[], b: readonly EntityRecord[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b)
}

function collectRecords(corpus: Corpus): EntityRecord[] {
  const records: EntityRecord[] = []
  const add = (kind: EntityKind, id: string, names: { ko: string; en: string }, more: string[]) => {
    records.push({ kind, id, names, surfaces: [...new Set([names.ko, names.en, ...more])] })
  }
  for (const team of corpus.teams) {
    add('team', team.id, team.name, [...team.aliases, team.lead.ko, team.lead.en])
    for (const model of team.models) add('model', model.id, { ko: model.name, en: model.name }, model.aliases)
  }
  for (const org of corpus.organizations) add('organization', org.id, org.name, org.aliases)
  for (const person of corpus.people) add('person', person.id, person.name, person.aliases)
  for (const term of corpus.terms) add('term', term.id, term.term, term.aliases)
  add('program', corpus.program.id, corpus.program.name, corpus.program.aliases)
  return records
}

function insert(root: TrieNode, surface: Surface): void {
  let node = root
  for (const ch of surface.form) {
    let child = node.next.get(ch)
    if (!child) {
      child = { next: new Map() }
      node.next.set(ch, child)
    }
    node = child
  }
  // Two aliases with the same matching form are merged in `surfaces`, so this never overwrites another.
  node.surface = surface
}

function isFuzzyEligible(surface: Surface): boolean {
  if (surface.records.every((r) => r.kind === 'term')) return false
  const length = [...surface.compact].length
  const hasHangul = /[\uAC00-\uD7A3]/u.test(surface.compact)
  return length >= (hasHangul ? FUZZY_MIN_HANGUL : FUZZY_MIN_LATIN)
}

/**
 * Adds the words of every string in `value` (and their Hangul prefixes) to `words`: typed text that is a
 * real word of the corpus is never a typo. Names themselves are taken out again. Changing what this
 * reads means bumping KNOWN_WORDS_VERSION, or persisted words of the old rule are used.
 */
function addKnownWords(words: Set<string>, names: NameIndex, value: unknown): void {
  const { maxLength, surfaces } = names
  // Perf (bench/profile.ts): matchForm normalises code point by code point, and this visits every word of
  // the corpus at every build, cold start and hot reload (68% of a 10k cold start). Words repeat, and a
  // whitespace-separated token always yields the same words, so each distinct token is normalised once.
  const seenTokens = new Set<string>()
  const addText = (text: string) => {
    for (const token of text.split(/\s+/u)) {
      if (!token || seenTokens.has(token)) continue
      seenTokens.add(token)
      for (const word of matchForm(token).split(' ')) {
        if (!word) continue
        words.add(word)
        // A Hangul word carries its particle ("네이버웹툰은", "목표는"); its prefixes are what a window (or
        // the word left over beside a multi-word name, see editsARealWord) compares to.
        const chars = [...word]
        if (/[\uAC00-\uD7A3]/u.test(word)) {
          for (let n = 2; n < Math.min(chars.length, maxLength); n++) {
            words.add(chars.slice(0, n).join(''))
          }
        }
      }
    }
  }
  const visit = (v: unknown): void => {
    if (typeof v === 'string') addText(v)
    else if (Array.isArray(v)) for (const item of v) visit(item)
    else if (v && typeof v === 'object') for (const item of Object.values(v)) visit(item)
  }
  visit(value)
  for (const surface of surfaces.values()) words.delete(surface.compact)
}

function isWordStart(units: string[], i: number): boolean {
  const here = charClass(units[i])
  if (here === 'space') return false
  return i === 0 || charClass(units[i - 1]) !== here
}

function endsAtBoundary(units: string[], end: number, surface: Surface): boolean {
  const last = charClass([...surface.compact].at(-1))
  // Hangul names are followed by particles (네이버클라우드는); Latin names must end their word (KT ≠ KTX).
  if (last === 'hangul') return true
  return charClass(units[end]) !== last
}

/**
 * Walks the trie from `i`. A space in the text may be skipped (네이버 클라우드 = 네이버클라우드), except
 * between two Latin letters or digits, where it separates words (s kt ≠ skt); a space in the name may be
 * missing from the text (LGAI연구원, NaverCloud).
 */
function walk(
  units: string[],
  start: number,
  i: number,
  node: TrieNode,
  emit: (end: number, surface: Surface) => void,
): void {
  if (node.surface && i > start) emit(i, node.surface)
  const spaceEdge = node.next.get(' ')
  if (i >= units.length) {
    return
  }
  const ch = units[i]!
  if (ch === ' ') {
    if (spaceEdge) walk(units, start, i + 1, spaceEdge, emit)
    const before: CharClass = charClass(units[i - 1])
    const after: CharClass = charClass(units[i + 1])
    if (!(before === 'alnum' && after === 'alnum')) {
      const child = node.next.get(units[i + 1] ?? '')
      if (child) walk(units, start, i + 2, child, emit)
    }
    return
  }
  const child = node.next.get(ch)
  if (child) walk(units, start, i + 1, child, emit)
  if (spaceEdge) {
    const afterSpace = spaceEdge.next.get(ch)
    if (afterSpace) walk(units, start, i + 1, afterSpace, emit)
  }
}

function findFuzzy(
  units: string[],
  start: number,
  options: Surface[],
  knownWords: KnownWords,
): Candidate | undefined {
  if (options.length === 0) return undefined
  const maxLength = Math.max(...options.map((s) => [...s.compact].length)) + 1
  const inWord = compactFrom(units, start, maxLength, false)
  const acrossSpaces = compactFrom(units, start, maxLength, true)
  let best: Candidate | undefined
  for (const surface of options) {
    // A typo window stays inside the typed word unless the name itself has spaces (업스테이 모델 ≠ 업스테이지).
    const { chars, positions } = surface.form.includes(' ') ? acrossSpaces : inWord
    const name = [...surface.compact]
    for (const length of [name.length, name.length - 1, name.length + 1]) {
      if (length > chars.length || length < 2) continue
      const window = chars.slice(0, length)
      const end = positions[length - 1]! + 1
      if (!endsAtBoundary(units, end, surface)) continue
      if (charClass(window.at(-1)) === 'alnum' && charClass(units[end]) === 'alnum') continue
      const typed = window.join('')
      if (COMMON_ENGLISH.has(typed)) continue
      // A truncated name (업스테이) is a prefix of corpus words only because the name is; still a typo.
      if (isKnown(knownWords, typed) && !surface.compact.startsWith(typed)) continue
      if (surface.form.includes(' ') && editsARealWord(typed, surface, knownWords)) continue
      if (editDistanceAtMostOne(name, window)) {
        const weight = name.length * 2
        if (!best || weight > best.weight) best = { start, end, surface, exact: false, weight }
        break
      }
    }
  }
  return best
}

/**
 * For a name of several words: true when what is left of the typed text once the name's correctly typed
 * words are taken out is itself a real word ("업스테이지목표" less 업스테이지 is 목표), so the edit did not
 * misspell the name but replaced one of its words.
 */
function editsARealWord(typed: string, surface: Surface, knownWords: KnownWords): boolean {
  let rest = typed
  for (const word of surface.form.split(' ').sort((a, b) => b.length - a.length))
    rest = rest.replace(word, '')
  return rest !== '' && (isKnown(knownWords, rest) || COMMON_ENGLISH.has(rest))
}

/** The text from `start` without spaces, stopping at the first space unless `crossSpaces`. */
function compactFrom(units: string[], start: number, maxLength: number, crossSpaces: boolean) {
  const chars: string[] = []
  const positions: number[] = []
  for (let k = start; k < units.length && chars.length < maxLength; k++) {
    if (units[k] === ' ') {
      if (!crossSpaces) break
      continue
    }
    chars.push(units[k]!)
    positions.push(k)
  }
  return { chars, positions }
}

/** Damerau–Levenshtein distance ≤ 1 (one substitution, insertion, deletion or adjacent swap), not 0. */
export function editDistanceAtMostOne(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (i === a.length && i === b.length) return false
  const rest = (x: number, y: number) => a.slice(x).join('\u0000') === b.slice(y).join('\u0000')
  if (a.length === b.length) {
    if (rest(i + 1, i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2)
  }
  return a.length > b.length ? rest(i + 1, i) : rest(i, i + 1)
}

/** Longest match wins (exact before typo at equal length, then leftmost); overlapping mentions are dropped. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.weight - a.weight || a.start - b.start)
  const taken: Candidate[] = []
  for (const c of sorted) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue
    taken.push(c)
  }
  return taken.sort((a, b) => a.start - b.start)
}
