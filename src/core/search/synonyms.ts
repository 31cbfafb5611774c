import { normalizeText } from './normalize.js'

/**
 * The words people use for what the corpus states in its own words: "떨어졌어" for 탈락, "made it" for
 * advanced. Lexical search cannot bridge paraphrases, so the query is expanded with the canonical words
 * (both languages, so an English question also reaches Korean passages). The intent router uses the
 * same table to tell "who was eliminated" from "who advanced".
 */
export interface Synonym {
  /** Stable name of the idea, e.g. `eliminated`; the router keys on it. */
  concept: SynonymConcept
  /** The words the corpus uses, appended to the query. */
  canonical: { ko: string; en: string }
  /** Matched anywhere in the normalised question (Korean verbs take endings, so these are stems). */
  ko: RegExp
  /** Matched as whole words in the normalised question. */
  en: RegExp
}

export type SynonymConcept =
  | 'eliminated'
  | 'advanced'
  | 'selected'
  | 'added'
  | 'budget'
  | 'gpu'
  | 'score'
  | 'applied'
  | 'retender'
  | 'goal'
  | 'members'
  | 'dispute'
  | 'final'
  | 'top'
  | 'reason'
  | 'quote'

const words = (list: string) => new RegExp(`\\b(?:${list})\\b`, 'u')

/** The synonym table; order matters only for ties in `findSynonyms` (first wins on the same span). */
export const SYNONYMS: readonly Synonym[] = [
  {
    concept: 'eliminated',
    canonical: { ko: '탈락', en: 'eliminated' },
    ko: /떨어[졌진지져질]|탈락|고배|아웃|컷\s?당|컷오프|빠[졌진진]|못\s?올라|못\s?붙|살아남지\s?못/u,
    en: words('eliminated|eliminate|elimination|dropped|dropped out|cut|knocked out|out|failed|lost|fell'),
  },
  {
    concept: 'advanced',
    canonical: { ko: '진출', en: 'advanced' },
    ko: /올라[갔간가감]|붙[었은는]|통과|살아남[은았는]|진출|합격|생존/u,
    en: words(
      'advanced|advance|advances|passed|pass|made it|make it|survived|survive|went through|progressed',
    ),
  },
  {
    concept: 'selected',
    canonical: { ko: '선정', en: 'selected' },
    ko: /뽑[힌혔은았]|선정|선발|고른|골라|낙점/u,
    en: words('selected|select|selection|chosen|chose|picked|pick'),
  },
  {
    concept: 'added',
    canonical: { ko: '추가', en: 'added' },
    ko: /추가[된됐되]|합류|새로\s?들어|들어[온왔간]|추가\s?선정/u,
    en: words('added|joined|join|joins|new team|extra team|fourth team|additional team'),
  },
  {
    concept: 'budget',
    canonical: { ko: '예산', en: 'budget' },
    ko: /예산|돈|얼마(?!나)|사업비|지원금|비용|억\s?원/u,
    en: words('budget|money|funding|funds|cost|costs|how much|spent|spend'),
  },
  {
    concept: 'gpu',
    canonical: { ko: 'GPU', en: 'GPU' },
    ko: /그래픽\s?카드|지피유|gpu/u,
    en: words('gpus|gpu|graphics cards|chips'),
  },
  {
    concept: 'score',
    canonical: { ko: '점수', en: 'score' },
    ko: /점수|몇\s?점|득점|성적|총점/u,
    en: words('score|scores|scored|points|marks|grade'),
  },
  {
    concept: 'applied',
    canonical: { ko: '신청', en: 'applied' },
    ko: /신청|지원한|지원했|응모|출사표|도전장/u,
    en: words('applied|apply|applicants|applications|entered|bid'),
  },
  {
    concept: 'retender',
    canonical: { ko: '추가 공모', en: 'additional call' },
    ko: /재공모|추가\s?공모|패자\s?부활|재도전|재선정/u,
    en: words('re-tender|retender|re tender|revival round|second chance|additional call|new call'),
  },
  {
    concept: 'goal',
    canonical: { ko: '목표', en: 'goal' },
    ko: /목표|목적|취지|지향/u,
    en: words('goal|goals|aim|aims|objective|purpose|target'),
  },
  {
    concept: 'members',
    canonical: { ko: '컨소시엄 참여', en: 'consortium members' },
    ko: /참여사|참여\s?기업|멤버|구성원|누구랑|함께\s?하는|파트너/u,
    en: words('members|member|partners|partner|consortium|who is in'),
  },
  {
    concept: 'dispute',
    canonical: { ko: '독자성 논란', en: 'originality dispute' },
    ko: /논란|의혹|표절|베[꼈낀껴]|카피|복사|독자성/u,
    en: words('controversy|dispute|copied|copy|plagiarism|originality|from scratch'),
  },
  {
    concept: 'final',
    canonical: { ko: '최종', en: 'final' },
    ko: /최종|마지막|결승/u,
    en: words('final|finals|last|winners|winner'),
  },
  {
    concept: 'top',
    canonical: { ko: '1위', en: 'top' },
    ko: /1등|일등|1위|최고\s?점|꼴찌|최하위|가장\s?낮/u,
    en: words('first place|top|highest|best|lowest|worst|ranked first'),
  },
  {
    concept: 'reason',
    canonical: { ko: '이유', en: 'reason' },
    ko: /이유|왜|까닭|원인|사유/u,
    en: words('why|reason|reasons|because'),
  },
  {
    concept: 'quote',
    canonical: { ko: '말', en: 'said' },
    ko: /뭐라고|뭐라\s?했|발언|언급|말했|말한|코멘트|소감|입장/u,
    en: words('said|say|says|saying|quote|quotes|quoted|statement|comment|comments'),
  },
]

/** One synonym found in a text: offsets are into the normalised text (`normalizeText`). */
export interface SynonymMatch {
  concept: SynonymConcept
  canonical: { ko: string; en: string }
  surface: string
  start: number
  end: number
}

/** Every concept of the synonym table that `text` expresses, in text order, at most once per concept. */
export function findSynonyms(text: string): SynonymMatch[] {
  const normalized = normalizeText(text)
  const found: SynonymMatch[] = []
  for (const synonym of SYNONYMS) {
    const match = synonym.ko.exec(normalized) ?? synonym.en.exec(normalized)
    if (!match) continue
    found.push({
      concept: synonym.concept,
      canonical: synonym.canonical,
      surface: match[0],
      start: match.index,
      end: match.index + match[0].length,
    })
  }
  return found.sort((a, b) => a.start - b.start)
}

/** The corpus words (Korean and English) for every concept `text` expresses, e.g. 떨어졌어 → [탈락, eliminated]. */
export function canonicalTerms(text: string): string[] {
  return findSynonyms(text).flatMap((m) => [m.canonical.ko, m.canonical.en])
}
