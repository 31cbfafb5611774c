import type { Corpus } from '../corpus/types.js'
import { type Clock, systemClock } from '../ports.js'
import { diffCorpus } from '../search/corpus-diff.js'
import { createEntityMatcher, type EntityMatcher, updateEntityMatcher } from '../search/entities.js'
import { buildPassages } from '../search/passages.js'
import { createSearchIndex, type SearchIndex } from '../search/search-index.js'
import { updateSearchIndex } from '../search/update.js'
import { seoulToday } from '../time/kst.js'
import { addressConflicts, addressMissingWords } from './address.js'
import { composeFallback } from './compose/fallback.js'
import { composeGlossary } from './compose/glossary.js'
import { composeLatest, composeNext, composeStage, withHorizon } from './compose/now.js'
import { composePeople } from './compose/people.js'
import { composeProgram, composeTeamStatements } from './compose/program.js'
import { composeResults } from './compose/results.js'
import type { ComposeInput } from './compose/shared.js'
import { composeAllTeams, composeTeam } from './compose/team.js'
import { composeTimeline } from './compose/timeline.js'
import { composeDecisionWhy, composeWhy } from './compose/why.js'
import { abstain, type Draft, finish } from './draft.js'
import { confidenceOf, outcomeOf } from './intents/confidence.js'
import { type Decision, decide, namedTeams } from './intents/decide.js'
import { didYouMean } from './intents/did-you-mean.js'
import { createKnowledge, type Knowledge } from './knowledge.js'
import { detectLang } from './lang.js'
import { INVALID_MAX_CHARS } from './lexicon.js'
import { createMentionFinder, type FindMentions } from './mentions.js'
import { compact } from './normalize.js'
import { createQuoteFinder, type FindQuotes } from './quotes.js'
import { blankRoute, type Route, route } from './route.js'
import { type Templates, templatesFor } from './templates/index.js'
import type { Answer, AskOptions, Choice, KaiCore, Lang } from './types.js'
import { unknownWords } from './unknown-words.js'

/** How to build a core. */
export interface KaiCoreOptions {
  /** A prebuilt (e.g. persisted and restored) search index over this corpus; built when absent. */
  index?: SearchIndex
  matcher?: EntityMatcher
  /** Called when answering a question hit a bug; the person still gets an "I don't know". */
  onError?: (err: unknown, question: string) => void
  /** Where "today" comes from (Seoul calendar day); the system clock by default, pinned in tests. */
  clock?: Clock
}

const PER_TEAM_FRAMES = new Set(['frame:compare-teams', 'frame:describe-team', 'frame:describe-model'])

/** Several teams named in one question: each gets its own answer, the direct answers first. */
function perTeam(
  input: ComposeInput,
  index: SearchIndex | undefined,
  routeFor: (teamId: string) => Route,
): Draft {
  const drafts = input.route.teamIds.map((id) => composeOne({ ...input, route: routeFor(id) }, index))
  const failed = drafts.find((d) => !d.answered)
  if (failed) return failed
  const first = drafts[0]!
  return {
    ...first,
    title: drafts.map((d) => d.title).join(' · '),
    paragraphs: [...drafts.map((d) => d.paragraphs[0]!), ...drafts.flatMap((d) => d.paragraphs.slice(1))],
    fields: drafts.flatMap((d) => d.fields ?? []),
    sources: drafts.flatMap((d) => d.sources ?? []),
    dates: drafts.flatMap((d) => d.dates ?? []),
    conflict: drafts.some((d) => d.conflict),
    teamId: undefined,
  }
}

function compose(input: ComposeInput, index: SearchIndex | undefined): Draft {
  const r = input.route
  if (r.rule === 'frame:describe-all-teams') return composeAllTeams(input)
  // Several teams named ("LG랑 업스테이지 둘 다 올라갔어?", "compare SKT and Naver", "네이버랑 엔씨 탈락 이유
  // 각각"): a question about a team is answered for each of them.
  if (namedTeams(r) >= 2 && (r.rule.startsWith('team') || PER_TEAM_FRAMES.has(r.rule))) {
    const describe = r.rule.startsWith('frame:') && (r.aspect === 'profile' || r.aspect === 'describe')
    return perTeam(input, index, (id) => ({
      ...r,
      ...(describe && { intent: 'team' as const, aspect: 'describe' as const }),
      teamIds: [id],
      modelIds: r.modelIds.filter((m) => r.mentions.some((x) => x.id === m && x.teamId === id)),
      ...(r.claim && { claim: { ...r.claim, teamId: id } }),
    }))
  }
  return composeOne(input, index)
}

function composeOne(input: ComposeInput, index: SearchIndex | undefined): Draft {
  const { route: r, t, question } = input
  switch (r.intent) {
    case 'invalid':
      return abstain(t, 'invalid', question.trim() === '' ? t.emptyQuestion : t.tooLong(INVALID_MAX_CHARS))
    case 'help':
      return {
        intent: 'help',
        answered: true,
        title: t.helpTitle,
        paragraphs: [...t.help, t.capabilities],
        suggestions: t.suggestions.general,
      }
    case 'out-of-scope':
      return abstain(t, 'out-of-scope', t.outOfScope)
    case 'results':
      return composeResults(input)
    case 'team':
      return composeTeam(input)
    case 'why':
      if (r.teamIds[0]) return composeWhy(input)
      if (r.topics.length > 0) return { ...composeProgram(input), intent: 'why' }
      return composeDecisionWhy(input) ?? composeFallback(input, index)
    case 'people':
      return composePeople(input)
    case 'glossary':
      return composeGlossary(input)
    case 'program':
      if (r.rule === 'team+said') return composeTeamStatements(input)
      return composeProgram(input)
    case 'timeline':
      return composeTimeline(input)
    case 'next':
      return composeNext(input)
    case 'stage':
      return composeStage(input)
    case 'latest':
      return composeLatest(input)
    default:
      return composeFallback(input, index)
  }
}

interface Engine {
  k: Knowledge
  findMentions: FindMentions
  findQuotes: FindQuotes
  index: SearchIndex | undefined
  matcher: EntityMatcher
  clock: Clock
}

/** Answers about now say how old the sources are when the newest is more than 30 days before today. */
function isAboutNow(r: Route): boolean {
  return (
    r.intent === 'next' ||
    r.intent === 'stage' ||
    r.intent === 'latest' ||
    (r.current && r.intent === 'results')
  )
}

/** What `answerRoute` needs beyond the route: the frames' decision, and a way to vet suggestions. */
interface AnswerExtras {
  decision?: Decision
  /** Asks the core a suggested question: true when it is answered outright. */
  answersWell?: (q: string) => boolean
}

function answerRoute(
  engine: Engine,
  question: string,
  r: Route,
  onError?: KaiCoreOptions['onError'],
  extras: AnswerExtras = {},
): Answer {
  const t = templatesFor(r.lang)
  let draft: Draft
  try {
    const unknown = asksAboutTheProgramme(r) ? notInCorpus(engine, question) : []
    if (unknown.length > 0) draft = abstain(t, 'unknown', t.notInSources(unknown))
    else {
      const input = { k: engine.k, route: r, t, question, today: seoulToday(engine.clock) }
      draft = compose(input, engine.index)
      if (engine.index && r.rule !== 'direct') {
        draft = addressConflicts(input, draft, engine.index)
        draft = addressMissingWords(draft, question, r.lang, engine.index, engine.matcher)
      }
      if (isAboutNow(r)) draft = withHorizon(input, draft)
    }
  } catch (err) {
    onError?.(err, question)
    draft = abstain(t, 'unknown', t.noAnswer)
  }
  // An answer whose team came from the context keeps that context for the next follow-up.
  if (!draft.teamId && r.teamIds.length === 1) draft = { ...draft, teamId: r.teamIds[0]! }
  const { decision, answersWell } = extras
  if (decision) {
    const confidence = confidenceOf(draft, r, decision)
    const outcome = outcomeOf(draft.answered, confidence)
    if (outcome === 'abstain' && draft.answered) draft = { ...abstain(t, draft.intent, t.noAnswer) }
    // Nearby questions on a middle confidence, or an abstention that names something of ours.
    const near =
      outcome === 'suggest' || (outcome === 'abstain' && r.mentions.length > 0 && asksAboutTheProgramme(r))
    const offered =
      near && answersWell ? didYouMean(engine.k, question, r, decision.classification, answersWell) : []
    draft = { ...draft, confidence, didYouMean: offered }
  }
  return finish(engine.k, t, question, draft)
}

/** Routes that answer from the corpus; help, invalid and out-of-scope questions have their own replies. */
function asksAboutTheProgramme(r: Route): boolean {
  return r.intent !== 'help' && r.intent !== 'invalid' && r.intent !== 'out-of-scope' && r.rule !== 'direct'
}

function notInCorpus(engine: Engine, question: string): string[] {
  return engine.index ? unknownWords(question, engine.index, engine.matcher) : []
}

function teamChoices(engine: Engine, prefix: string, lang: Lang, limit: number): Choice[] {
  const p = compact(prefix)
  const scored: { choice: Choice; rank: number }[] = []
  for (const [i, team] of engine.k.corpus.teams.entries()) {
    const names = [team.name[lang], team.name[lang === 'ko' ? 'en' : 'ko'], ...team.aliases]
    const forms = names.map(compact)
    const starts = forms.findIndex((f) => f.startsWith(p))
    const contains = forms.findIndex((f) => f.includes(p))
    if (p !== '' && contains < 0) continue
    const hit = starts >= 0 ? starts : contains
    const label =
      hit > 0 && names[hit] !== team.name[lang] ? `${team.name[lang]} (${names[hit]})` : team.name[lang]
    const rank = (team.role === 'elite' ? 0 : 1000) + (starts >= 0 ? 0 : 100) + i
    scored.push({ choice: { name: label.slice(0, 100), value: team.id }, rank })
  }
  return scored
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((s) => s.choice)
}

function questionBank(engine: Engine, t: Templates): string[] {
  const { k } = engine
  const out = [...t.suggestions.general, ...t.suggestions.results]
  for (const s of k.status) {
    const team = k.team(s.teamId)
    if (team?.role !== 'elite') continue
    const name = team.name[t.lang]
    out.push(...t.suggestions.team(name))
    const wasOut = k.outcomesOf(team.id).some((o) => o.outcome.result === 'eliminated')
    if (wasOut) out.push(t.lang === 'ko' ? `${name} 탈락 이유는?` : `Why was ${name} eliminated?`)
  }
  return [...new Set(out)]
}

function buildEngine(corpus: Corpus, options: KaiCoreOptions): Engine {
  const matcher = options.matcher ?? createEntityMatcher(corpus)
  const index = options.index ?? createSearchIndex(buildPassages(corpus), { matcher })
  return {
    k: createKnowledge(corpus),
    findMentions: createMentionFinder(corpus, matcher),
    findQuotes: createQuoteFinder(corpus, matcher),
    index,
    matcher,
    clock: options.clock ?? systemClock,
  }
}

/**
 * Builds the question-answering core over a validated corpus: the intent router, the composers that
 * answer from corpus data, and the search index for the fallback (built here unless `options.index` is given).
 */
export function createKaiCore(corpus: Corpus, options: KaiCoreOptions = {}): KaiCore {
  const engine = buildEngine(corpus, options)
  const resolveTeam = (name: string): string | undefined => {
    const trimmed = name.trim()
    if (engine.k.team(trimmed)) return trimmed
    const mention = engine
      .findMentions(trimmed)
      .find((m) => m.teamId && (m.kind === 'team' || m.kind === 'model'))
    return mention?.teamId
  }
  // A suggested question is offered only when the core answers it outright; verdicts are kept (the bank
  // of suggestions is small, so each is asked once per core).
  const verdicts = new Map<string, boolean>()
  const answersWell = (q: string): boolean => {
    let ok = verdicts.get(q)
    if (ok === undefined) {
      ok = ask(q, {}, false).outcome === 'answer'
      if (verdicts.size < 2000) verdicts.set(q, ok)
    }
    return ok
  }
  function ask(text: string, askOptions: AskOptions, suggest: boolean): Answer {
    const r0 = route(text, {
      findMentions: engine.findMentions,
      findQuotes: engine.findQuotes,
      ...(askOptions.lang && { lang: askOptions.lang }),
      ...(askOptions.fallbackLang && { fallbackLang: askOptions.fallbackLang }),
      ...(askOptions.context && { context: askOptions.context }),
    })
    const decision = r0.intent === 'invalid' ? undefined : decide(text, r0)
    return answerRoute(engine, text, decision?.route ?? r0, options.onError, {
      ...(decision && { decision }),
      ...(suggest && { answersWell }),
    })
  }
  return {
    ask(question, askOptions = {}) {
      const text = typeof question === 'string' ? question : ''
      return ask(text, askOptions, true)
    },
    results(phase, lang) {
      const r: Route = { ...blankRoute(lang, 'results'), ...(phase !== undefined && { phase }) }
      return answerRoute(engine, phase === undefined ? '/results' : `/results ${phase}`, r, options.onError)
    },
    team(name, lang) {
      const teamId = resolveTeam(name)
      const t = templatesFor(lang)
      if (!teamId) return finish(engine.k, t, name, abstain(t, 'team', t.unknownTeam(name.trim())))
      return answerRoute(engine, name, { ...blankRoute(lang, 'team'), teamIds: [teamId] }, options.onError)
    },
    help(lang) {
      return answerRoute(engine, '/help', blankRoute(lang, 'help'), options.onError)
    },
    suggestTeams: (prefix, lang, limit = 25) => teamChoices(engine, prefix, lang, limit),
    suggestQuestions(prefix, lang, limit = 25) {
      const p = compact(prefix)
      return questionBank(engine, templatesFor(lang))
        .filter((q) => compact(q).includes(p))
        .slice(0, limit)
        .map((q) => ({ name: q.slice(0, 100), value: q.slice(0, 100) }))
    },
    resolveTeam,
    teamName: (teamId, lang) => engine.k.teamName(teamId, lang),
    detectLang: (text, fallback) => detectLang(text, fallback),
  }
}

/** A core whose corpus can be replaced while it runs (hot reload). */
export interface LiveKaiCore extends KaiCore {
  /** Builds a core over `corpus` and switches to it in one step; if building throws, the old core stays. */
  swap(corpus: Corpus, options?: KaiCoreOptions): void
  /**
   * Switches to `corpus`, an edit of the current one, the cheap way: the current search index is brought
   * to the new passages in place (only what changed is re-indexed) and the entity matcher is reused when
   * no name changed. Should the in-place update throw, everything is built afresh as `swap` does. Returns
   * the index now in use, e.g. to persist it.
   */
  apply(corpus: Corpus): SearchIndex
  corpus(): Corpus
}

interface LiveState {
  corpus: Corpus
  index: SearchIndex
  matcher: EntityMatcher
  core: KaiCore
}

function liveState(corpus: Corpus, options: KaiCoreOptions): LiveState {
  const matcher = options.matcher ?? createEntityMatcher(corpus)
  const index = options.index ?? createSearchIndex(buildPassages(corpus), { matcher })
  return { corpus, index, matcher, core: createKaiCore(corpus, { ...options, index, matcher }) }
}

/** Wraps `createKaiCore` so the caller can swap in a rebuilt corpus; every call uses one whole core. */
export function createLiveCore(initial: Corpus, options: KaiCoreOptions = {}): LiveKaiCore {
  let current = liveState(initial, options)
  // The index and matcher of the old corpus must not leak into a core built afresh.
  const fresh = { ...options, index: undefined, matcher: undefined }
  return {
    ask: (q, o) => current.core.ask(q, o),
    results: (phase, lang) => current.core.results(phase, lang),
    team: (name, lang) => current.core.team(name, lang),
    help: (lang) => current.core.help(lang),
    suggestTeams: (prefix, lang, limit) => current.core.suggestTeams(prefix, lang, limit),
    suggestQuestions: (prefix, lang, limit) => current.core.suggestQuestions(prefix, lang, limit),
    resolveTeam: (name) => current.core.resolveTeam(name),
    teamName: (id, lang) => current.core.teamName(id, lang),
    detectLang: (text, fallback) => current.core.detectLang(text, fallback),
    swap(corpus, swapOptions) {
      current = liveState(corpus, { ...fresh, ...swapOptions })
    },
    apply(corpus) {
      const { index } = current
      // Perf (issue 7): a full rebuild at 10k passages takes seconds; one changed document, milliseconds.
      // Everything that can fail on the new corpus is built before the shared index is touched.
      const diff = diffCorpus(current.corpus, corpus)
      const matcher = updateEntityMatcher(current.matcher, corpus, diff)
      const core = createKaiCore(corpus, { ...options, index, matcher })
      try {
        updateSearchIndex(index, corpus, diff)
        index.setEntityMatcher(matcher)
      } catch {
        // The index may be half updated and cannot be trusted: build everything afresh.
        current = liveState(corpus, fresh)
        return current.index
      }
      current = { corpus, index, matcher, core }
      return index
    },
    corpus: () => current.corpus,
  }
}
