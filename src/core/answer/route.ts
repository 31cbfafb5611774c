import type { EventKind, FactTopic } from '../corpus/schema.js'
import { detectLang } from './lang.js'
import {
  ASPECTS,
  type Aspect,
  CONFIRM,
  COUNT,
  CURRENT,
  DOMAIN,
  EN_TAG,
  EVENT_KINDS,
  FINAL_TWO,
  FOREIGN_PROGRAM,
  GLOSSARY_ASK,
  HELP,
  INVALID_MAX_CHARS,
  NEGATION_EN,
  NEGATION_KO,
  NOW_ASKS,
  type NowAsk,
  OUT_OF_SCOPE,
  OUTCOME_WORDS,
  type OutcomeWord,
  PROGRAM_TOPICS,
  QUOTE,
  RESULTS_GENERIC,
  ROLE_GROUPS,
  SCHEDULE,
  WH_WORD,
  WHEN,
  WHERE,
  WHO_IS,
  WHO_SAID,
  WHY,
} from './lexicon.js'
import type { FindMentions, Mention } from './mentions.js'
import { compact, normalizeQuestion } from './normalize.js'
import type { FindQuotes } from './quotes.js'
import type { ConversationContext, Intent, Lang } from './types.js'

export type { Aspect, OutcomeWord }

/** A statement the question asks us to confirm: "NC AI가 2차에 진출했지?" → {team: nc-ai, outcome: advanced, phase: 1}. */
export interface Claim {
  teamId: string
  outcome: OutcomeWord
  /** The evaluation phase whose outcome is claimed, when the question names one. */
  phase?: number
  /** "안 떨어졌지?": the question claims the outcome did NOT happen. */
  negated: boolean
}

/** What the router understood; the composer turns it into an answer from corpus data. */
export interface Route {
  intent: Intent
  lang: Lang
  /** Why this intent: the rule that fired, for tests and debugging. */
  rule: string
  mentions: Mention[]
  /** Teams named (or implied by a model or person), in order; from the context when a follow-up names none. */
  teamIds: string[]
  /** True when `teamIds` came from the conversation context ("그 팀 모델은?"). */
  teamFromContext: boolean
  personIds: string[]
  /** Quotes the question cites by their words ("'모두가 승자'라고 누가 말했어?"), best first. */
  quoteIds: string[]
  termIds: string[]
  modelIds: string[]
  organizationIds: string[]
  programMentioned: boolean
  /** The evaluation phase the question is about (0: selection, 1: first evaluation, …). */
  phase?: number
  aspect: Aspect
  topics: FactTopic[]
  /** The outcome the question names ("who was eliminated" → eliminated). */
  outcome?: OutcomeWord
  claim?: Claim
  eventKinds: EventKind[]
  finalTwo: boolean
  asksCount: boolean
  /** "지금 남은 팀", "still in": the question is about the current standing. */
  current: boolean
}

export interface RouteOptions {
  findMentions: FindMentions
  /** Finds quotes by their words; without it, quotes are found only by their speaker. */
  findQuotes?: FindQuotes
  fallbackLang?: Lang
  /** Forces the answer language (otherwise it follows the question). */
  lang?: Lang
  context?: ConversationContext
}

/** The part of RESULTS_GENERIC that asks which team ("어디야", "누구야"). */
const WHICH_TEAM = /어디\s?(가|야|였|예요)|어느\s?(팀|곳|회사|기업)|누구야/g
/** Topics about what teams get; "몇 장", "얼마" ask their amount. */
const SUPPORT_TOPICS = new Set<FactTopic>(['gpu', 'budget', 'support', 'data', 'talent'])
const AMOUNT = /몇\s?(장|개|억|원|명)|얼마|how many|how much/

const ORDINALS: [RegExp, number][] = [
  [
    /(첫|1)\s?(번째|째)?\s?(평가|단계|라운드|관문)|\b(first|1st)[\s-](round|phase|stage|evaluation|review|cut)/,
    1,
  ],
  [
    /(두|2)\s?(번째|째)\s?(평가|단계|라운드|관문)?|\b(second|2nd)[\s-](round|phase|stage|evaluation|review|cut)/,
    2,
  ],
  [
    /(세|3)\s?(번째|째)\s?(평가|단계|라운드|관문)?|\b(third|3rd)[\s-](round|phase|stage|evaluation|review|cut)/,
    3,
  ],
]

/**
 * The evaluation phase a question is about. "2차에 진출" names the phase a team advanced INTO,
 * which is the outcome of phase 1; "2차에서 탈락" and "2차 결과" name phase 2 itself.
 */
export function extractPhase(text: string): number | undefined {
  const q = normalizeQuestion(text)
  const into =
    /([1-4])\s?차\s?(단계|평가|라운드)?\s?(에|로|으로)?\s?(진출|올라|진입|넘어|가|갔|간)|\b(?:to|into)\s(?:the\s)?(?:phase|stage|round)\s?([1-4])|\b(?:to|into)\s(?:the\s)?(second|third|final)\s(?:round|phase|stage)/.exec(
      q,
    )
  if (into) {
    const n = into[1] ?? into[5] ?? { second: '2', third: '3', final: '3' }[into[6] as 'second']
    return Math.max(0, Number(n) - 1)
  }
  const direct =
    /([1-4])\s?(?:차|라운드|단계)|(?:phase|stage|round|evaluation)\s?([1-4])|([1-4])(?:st|nd|rd|th)?\s?(?:phase|stage|round)/.exec(
      q,
    )
  if (direct) return Number(direct[1] ?? direct[2] ?? direct[3])
  for (const [re, n] of ORDINALS) if (re.test(q)) return n
  return undefined
}

function test(re: RegExp, q: string, c: string): boolean {
  return re.test(q) || re.test(c)
}

function outcomeOf(q: string, c: string): OutcomeWord | undefined {
  // Order matters: "탈락" beats "결과"; "추가 선정" is an addition before it is a selection.
  const order: OutcomeWord[] = ['eliminated', 'declined', 'added', 'advanced', 'selected', 'applied']
  return order.find((w) => test(OUTCOME_WORDS[w], q, c))
}

function aspectOf(q: string, c: string, mentions: Mention[]): Aspect {
  if (test(ASPECTS.score, q, c)) return 'score'
  if (test(ASPECTS.dispute, q, c)) return 'dispute'
  if (test(ASPECTS.members, q, c)) return 'members'
  if (mentions.some((m) => m.kind === 'model') || test(ASPECTS.model, q, c)) return 'model'
  if (test(ASPECTS.goal, q, c)) return 'goal'
  if (test(ASPECTS.status, q, c)) return 'status'
  return 'profile'
}

function unique<T>(xs: (T | undefined)[]): T[] {
  return [...new Set(xs.filter((x): x is T => x !== undefined))]
}

function isOutOfScope(q: string, c: string, mentions: Mention[]): boolean {
  if (OUT_OF_SCOPE.some((re) => test(re, q, c))) return true
  const namesOurs = mentions.some((m) => m.kind === 'team' || m.kind === 'model' || m.kind === 'program')
  return !namesOurs && test(FOREIGN_PROGRAM, q, c)
}

function asksConfirmation(q: string, lang: Lang): boolean {
  // "So Naver Cloud won the re-tender?": a statement with a question mark asks to confirm it.
  if (lang === 'en')
    return (CONFIRM.test(q) || /\?\s*$/.test(q)) && !/^(so\s)?(who|which|what|why|when|how|where)\b/.test(q)
  return !WH_WORD.test(q) || CONFIRM.test(q)
}

function isNegated(q: string, lang: Lang): boolean {
  if (lang === 'ko') return NEGATION_KO.test(q)
  // "…, didn't it?" is a tag, and "Didn't X advance?" a rhetorical positive: neither negates the claim.
  const body = q.replace(EN_TAG, '').replace(/^(didn'?t|wasn'?t|weren'?t|isn'?t|hasn'?t)\b/, '')
  return NEGATION_EN.test(body)
}

/** A route that names nothing: the base for answers built without a question (`/results`, `/team`). */
export function blankRoute(lang: Lang, intent: Intent = 'unknown'): Route {
  return {
    intent,
    lang,
    rule: 'direct',
    mentions: [],
    teamIds: [],
    teamFromContext: false,
    personIds: [],
    quoteIds: [],
    termIds: [],
    modelIds: [],
    organizationIds: [],
    programMentioned: false,
    aspect: 'profile',
    topics: [],
    eventKinds: [],
    finalTwo: false,
    asksCount: false,
    current: false,
  }
}

/**
 * Decides what a question is about from its words and the corpus names it mentions.
 * Rules are tried in a fixed order (invalid, help, out of scope, then by the words present); the
 * first that fires sets `intent` and `rule`.
 */
export function route(question: string, options: RouteOptions): Route {
  const lang = options.lang ?? detectLang(question, options.fallbackLang ?? 'ko')
  const q = normalizeQuestion(question)
  const c = compact(question)
  const base: Route = { ...blankRoute(lang), rule: 'none' }
  if (q === '' || question.length > INVALID_MAX_CHARS) return { ...base, intent: 'invalid', rule: 'invalid' }

  const mentions = options.findMentions(question)
  const byKind = (k: Mention['kind']) => unique(mentions.filter((m) => m.kind === k).map((m) => m.id))
  let teamIds = unique(mentions.map((m) => (m.kind === 'person' ? undefined : m.teamId)))
  const personIds = byKind('person')
  const teamFromPeople = unique(mentions.filter((m) => m.kind === 'person').map((m) => m.teamId))
  let teamFromContext = false
  // Follow-ups: "그 팀 모델은?", "what about their model?" refer back to the previous team.
  const refersBack =
    /그\s?(팀|회사|곳|기업|컨소시엄)|거기|걔네|이\s?팀|\b(their|they|them|that team|this team|its|it)\b/.test(
      q,
    ) || q.length <= 12
  if (teamIds.length === 0 && personIds.length === 0 && options.context?.teamId && refersBack) {
    teamIds = [options.context.teamId]
    teamFromContext = true
  }

  const phase = extractPhase(question)
  const outcome = outcomeOf(q, c)
  const topics = PROGRAM_TOPICS.filter(([, re]) => test(re, q, c)).map(([t]) => t)
  const eventKinds = unique(EVENT_KINDS.filter(([, re]) => test(re, q, c)).flatMap(([k]) => k))
  const r: Route = {
    ...base,
    mentions,
    teamIds,
    teamFromContext,
    personIds,
    termIds: byKind('term'),
    modelIds: byKind('model'),
    organizationIds: byKind('organization'),
    programMentioned: mentions.some((m) => m.kind === 'program'),
    aspect: aspectOf(q, c, mentions),
    topics,
    eventKinds,
    finalTwo: test(FINAL_TWO, q, c),
    asksCount: test(COUNT, q, c),
    current: test(CURRENT, q, c),
    ...(phase !== undefined && { phase }),
    ...(outcome && { outcome }),
  }
  const set = (intent: Intent, rule: string): Route => ({ ...r, intent, rule })

  if (test(HELP, q, c)) return set('help', 'help')
  if (isOutOfScope(q, c, mentions)) return set('out-of-scope', 'out-of-scope')

  // "'근소한 차이'라고 한 사람 누구야": the words of a quote lead to its speaker, whatever else is named.
  const quoted = /['"‘’“”「」『』]/.test(question)
  if (options.findQuotes && (test(WHO_SAID, q, c) || (quoted && test(WHO_IS, q, c)))) {
    const hits = options.findQuotes(question)
    if (hits.length > 0)
      return {
        ...set('people', 'quote-words'),
        quoteIds: hits.map((h) => h.quote.id),
        personIds: unique(hits.map((h) => h.personId)),
      }
  }

  // "다음 평가 언제야", "지금 몇 차야", "최신 소식": about today, unless a team, person or outcome is named.
  const now = nowAsk(q, c)
  const named = mentions.some((m) => m.kind === 'team' || m.kind === 'model' || m.kind === 'person')
  if (now && !named && !outcome) return { ...set(now, `now-${now}`), teamIds: [], teamFromContext: false }

  const why = test(WHY, q, c)
  const when = test(WHEN, q, c)
  const team = teamIds[0]

  if (team) {
    if (why) return set('why', 'team+why')
    if (when) return set('timeline', 'team+when')
    // "네이버 탈락에 대한 업계 반응은?": what people said about the team's result, not a claim about it.
    if (topics.includes('reception') && personIds.length === 0 && !teamFromContext)
      return set('program', 'team+reception')
    // "엔씨 떨어지고 뭐라고 했어?": the team's own statements (its reception facts), else its people.
    if (
      personIds.length === 0 &&
      test(QUOTE, q, c) &&
      !test(WHO_IS, q, c) &&
      (r.aspect === 'profile' || r.aspect === 'status')
    )
      return { ...set('program', 'team+said'), topics: ['reception'] }
    // "NC AI 대표가 누구야", "Who is the CEO of Motif?": a team's person by role, not the team's results.
    if (
      personIds.length === 0 &&
      ROLE_GROUPS.some((re) => re.test(q)) &&
      (test(WHO_IS, q, c) || /이름/.test(q))
    )
      return set('people', 'team+role')
    if (outcome && asksConfirmation(q, lang)) {
      const claim: Claim = {
        teamId: team,
        // "NC AI won the first round, right?": winning an evaluation phase is getting through it, not the selection.
        outcome: outcome === 'selected' && phase !== undefined && phase >= 1 ? 'advanced' : outcome,
        negated: isNegated(q, lang),
        ...(phase !== undefined && { phase }),
      }
      return { ...set('results', 'team+claim'), claim }
    }
    if (personIds.length > 0 && (test(QUOTE, q, c) || test(WHO_IS, q, c))) return set('people', 'person')
    if (r.aspect !== 'profile' && r.aspect !== 'status') return set('team', `team+${r.aspect}`)
    // "모티프 모회사가 어디야": with a team named, 어디/누구 ask about the team, not which team won.
    const asksResultsOfTeam = test(RESULTS_GENERIC, q.replace(WHICH_TEAM, ''), c.replace(WHICH_TEAM, ''))
    if (outcome || asksResultsOfTeam || phase !== undefined) return set('results', 'team+results')
    if (topics.length > 0 && !teamFromContext && topics.some((t) => t !== 'name'))
      return set('program', 'team+topic')
    return set('team', teamFromContext ? 'context-team' : 'team')
  }
  const definitionOf = r.termIds.length > 0 || r.organizationIds.length > 0
  if (definitionOf && test(GLOSSARY_ASK, q, c) && !outcome && q.length <= 40 && !why && !when)
    return set('glossary', 'definition')
  if (personIds.length > 0) {
    if (teamFromPeople.length > 0 && why) return { ...set('why', 'person-team+why'), teamIds: teamFromPeople }
    return set('people', 'person')
  }
  const inDomain = test(DOMAIN, q, c) || mentions.length > 0 || phase !== undefined
  // "최종 2개만 뽑는 방식 업계에선 뭐가 걱정이래": what people said about the programme, not its schedule.
  if (topics.includes('reception') && personIds.length === 0) return set(why ? 'why' : 'program', 'reception')
  // "최종 우승팀은 어디야?" asks who won, which is not known; "최종 2팀은 언제?" asks when, which is recorded.
  if (r.finalTwo && !when && !test(SCHEDULE, q, c) && WH_WORD.test(q))
    return { ...set('results', 'final-two-who'), phase: 3 }
  if (r.finalTwo && (when || test(SCHEDULE, q, c) || !outcome)) return set('program', 'final-two')
  if (why) return set('why', 'why')
  if (when && (eventKinds.length > 0 || phase !== undefined || r.programMentioned || test(SCHEDULE, q, c)))
    return set('timeline', 'when')
  // "1차 발표회 어디서 했어?": where an event took place is in its timeline entry.
  if (test(WHERE, q, c) && eventKinds.some((k) => k !== 'evaluation' && k !== 'scheduled'))
    return set('timeline', 'where')
  if (when && mentions.length === 0) return set('search', 'when-unknown')
  // "장관이 뭐라고 했어?", "Who is the science minister?": a role stands for the person who holds it.
  if (
    (test(QUOTE, q, c) || test(WHO_IS, q, c)) &&
    (/장관|차관|대표|회장|부사장|실장|수석|ceo|minister|official|chair|president|정부|government|msit|과기정통부/.test(
      q,
    ) ||
      r.organizationIds.length > 0)
  )
    return set('people', test(QUOTE, q, c) ? 'quote' : 'role')
  const asksDefinition = test(GLOSSARY_ASK, q, c)
  const asksResults = test(RESULTS_GENERIC, q, c) && !topics.includes('scoring')
  if (r.termIds.length > 0 && !asksResults && (asksDefinition || topics.length === 0) && !outcome)
    return set('glossary', 'term')
  if (r.current && inDomain && (topics.length === 0 || topics.every((t) => t === 'structure')))
    return set('results', 'current')
  // Outcome words (탈락, advanced) are the programme's own; "결과"/"who won" need a programme word too.
  // "다섯 팀 총점 평균 얼마였어?": points are results of an evaluation, not money.
  if (r.aspect === 'score' && inDomain && !topics.includes('scoring')) return set('results', 'scores')
  // "추가로 들어온 팀은 GPU 몇 장 받아": an amount of support, whoever the outcome word describes.
  if (topics.some((x) => SUPPORT_TOPICS.has(x)) && test(AMOUNT, q, c)) return set('program', 'support-amount')
  // In a bot about one programme a bare "최신 결과 알려줘" / "latest results?" asks for its results; a
  // question about other results (월드컵 결과) names a word the corpus never uses and abstains later.
  const bareResults = asksResults && topics.length === 0 && mentions.length === 0 && isBareResultsRequest(q)
  if (outcome || bareResults || (inDomain && (asksResults || (phase !== undefined && topics.length === 0))))
    return set('results', 'results')
  if (test(SCHEDULE, q, c)) return set('timeline', 'schedule')
  if (topics.length > 0) return set('program', 'topic')
  if (r.programMentioned || r.organizationIds.length > 0) {
    if (r.organizationIds.length > 0 && !r.programMentioned) return set('glossary', 'organization')
    return set('program', 'program-name')
  }
  if (asksDefinition) return set('glossary', 'definition-unknown-term')
  return set('search', 'fallback')
}

function nowAsk(q: string, c: string): NowAsk | undefined {
  const order: NowAsk[] = ['next', 'stage', 'latest']
  return order.find((k) => test(NOW_ASKS[k], q, c))
}

/** Words that only say "the results, now": what is left once they are gone must be (almost) nothing. */
const RESULTS_FILLER =
  /최신|최근|지금|현재|요즘|마지막|나왔|나옴|알려\s?줘|보여\s?줘|좀|\b(latest|recent|current|so far|now|please|show|tell|me|give|any|the|are|is|what|of)\b|[\s\p{P}]/gu

function isBareResultsRequest(q: string): boolean {
  const global = (re: RegExp) => new RegExp(re.source, `${re.flags.replace('g', '')}g`)
  const rest = q.replace(global(RESULTS_GENERIC), '').replace(global(WH_WORD), '').replace(RESULTS_FILLER, '')
  return [...rest].length <= 1
}
