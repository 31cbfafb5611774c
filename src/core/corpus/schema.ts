import { z } from 'zod'

/**
 * The corpus schema: every file under CORPUS_DIR is parsed with these zod schemas.
 * corpus/README.md documents each field for the people who edit the corpus.
 * Field names are snake_case because people write them in YAML.
 */

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and dashes, e.g. lg-ai-research')

/** A day (2026-01-15), a month (2026-08) or a year (2027): sources often give only a month. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY-MM-DD, YYYY-MM or YYYY')

export const Lang = z.enum(['ko', 'en'])
export type Lang = z.infer<typeof Lang>

const NonEmpty = z.string().trim().min(1, 'must not be empty')

/** The same text in Korean and in English; both are required so either language can be answered. */
export const Text = z.strictObject({ ko: NonEmpty, en: NonEmpty })
export type Text = z.infer<typeof Text>

const SourceIds = z.array(Id).min(1, 'every fact needs at least one source id')

/** How sure the sources are. `uncertain`: a single weak source, a mirror, a truncated excerpt. */
export const Certainty = z.enum(['confirmed', 'uncertain'])

// ---------------------------------------------------------------- sources.yaml
export const Source = z.strictObject({
  id: Id,
  title: NonEmpty,
  publisher: NonEmpty,
  /** null only when the project holds a copy but no one knows where it was published (never invent a URL). */
  url: z.url().nullable(),
  /** null when the page shows no date and none can be read from its URL. */
  date: PartialDate.nullable(),
  /** Where the date comes from: printed on the page, read from the URL, or inferred from context. */
  date_basis: z.enum(['shown', 'url', 'context', 'unknown']),
  language: Lang,
  kind: z.enum(['official', 'press', 'secondary']),
  note: z.string().optional(),
})
export type Source = z.infer<typeof Source>
export const SourcesFile = z.strictObject({ sources: z.array(Source).min(1) })

// ---------------------------------------------------------------- facts (shared shape)
/**
 * One statement in both languages with its sources. Topics let the answer engine pick facts
 * for program questions (goal, budget, …) without full-text search.
 */
export const FactTopic = z.enum([
  'name',
  'history',
  'agencies',
  'goal',
  'policy',
  'structure',
  'support',
  'budget',
  'gpu',
  'data',
  'talent',
  'open-source',
  'title',
  'schedule',
  'evaluation',
  'scoring',
  'originality',
  'retender',
  'related-program',
  'profile',
  'goal-team',
  'model',
  'benchmark',
  'reception',
  'plan',
  'funding',
  'epoch',
  'dispute',
])
export type FactTopic = z.infer<typeof FactTopic>

export const Fact = z.strictObject({
  id: Id,
  topic: FactTopic,
  ko: NonEmpty,
  en: NonEmpty,
  sources: SourceIds,
  certainty: Certainty.default('confirmed'),
  /** Why it is uncertain, or how it conflicts with another fact. */
  note: Text.optional(),
  /** Teams this fact is about (besides the team it is nested under, if any). */
  teams: z.array(Id).default([]),
  date: PartialDate.optional(),
})
export type Fact = z.infer<typeof Fact>

/** Sources disagree: each side keeps its own sources; the bot shows all sides, never picks one. */
export const Conflict = z.strictObject({
  id: Id,
  topic: FactTopic,
  question: Text,
  sides: z
    .array(z.strictObject({ ko: NonEmpty, en: NonEmpty, sources: SourceIds }))
    .min(2, 'a conflict has at least two sides'),
  note: Text.optional(),
})
export type Conflict = z.infer<typeof Conflict>

// ---------------------------------------------------------------- program.yaml
export const Organization = z.strictObject({
  id: Id,
  name: Text,
  aliases: z.array(NonEmpty).default([]),
  kind: z.enum([
    'ministry',
    'agency',
    'association',
    'company',
    'university',
    'institute',
    'government',
    'other',
  ]),
  description: Text.optional(),
  sources: SourceIds,
})
export type Organization = z.infer<typeof Organization>

export const ProgramFile = z.strictObject({
  program: z.strictObject({
    id: Id,
    name: Text,
    aliases: z.array(NonEmpty).min(1),
    ministry: Id,
    agencies: z.array(Id).default([]),
    summary: Text,
    /** The planned narrowing of teams, e.g. [5, 4, 3, 2]. */
    structure: z.array(z.number().int().positive()).min(2),
    sources: SourceIds,
  }),
  organizations: z.array(Organization).default([]),
  facts: z.array(Fact).default([]),
  conflicts: z.array(Conflict).default([]),
})

// ---------------------------------------------------------------- teams.yaml
export const ModelSpecs = z.strictObject({
  architecture: z.string().optional(),
  total_params: z.string().optional(),
  active_params: z.string().optional(),
  context: z.string().optional(),
  vocabulary: z.string().optional(),
  training_tokens: z.string().optional(),
  languages: z.array(z.string()).optional(),
  license: z.string().optional(),
})

export const Model = z.strictObject({
  id: Id,
  name: NonEmpty,
  aliases: z.array(NonEmpty).default([]),
  released: PartialDate.optional(),
  specs: ModelSpecs.default({}),
  /** Sources for `specs` and `released`. */
  sources: SourceIds,
  facts: z.array(Fact).default([]),
})
export type Model = z.infer<typeof Model>

export const Team = z.strictObject({
  id: Id,
  name: Text,
  aliases: z.array(NonEmpty).default([]),
  /** The lead organisation (주관사) as people call it. */
  lead: Text,
  /** elite: chosen as 정예팀 at some point; applicant: took part in a call but was never chosen. */
  role: z.enum(['elite', 'applicant']),
  members: z.array(z.strictObject({ name: Text, sources: SourceIds })).default([]),
  /** How sources describe the team: goals, characterizations, plans. */
  facts: z.array(Fact).default([]),
  models: z.array(Model).default([]),
  sources: SourceIds,
})
export type Team = z.infer<typeof Team>
export const TeamsFile = z.strictObject({ teams: z.array(Team).min(1) })

// ---------------------------------------------------------------- timeline.yaml
export const OutcomeResult = z.enum([
  'applied',
  'shortlisted',
  'screened-out',
  'selected',
  'not-selected',
  'advanced',
  'eliminated',
  'added',
  'declined',
  'withdrew',
  'pending',
])
export type OutcomeResult = z.infer<typeof OutcomeResult>

export const ScoreKey = z.enum([
  'total',
  'benchmark',
  'nia_benchmark',
  'global_common',
  'global_individual',
  'expert',
  'user',
])
export type ScoreKey = z.infer<typeof ScoreKey>

export const Outcome = z.strictObject({
  team: Id,
  result: OutcomeResult,
  /** Published scores only, keyed by part; maxima are in the event's `score_max`. */
  scores: z.partialRecord(ScoreKey, z.number().nonnegative()).optional(),
  reason: Text.optional(),
  /** Sources for this outcome when they differ from the event's own. */
  sources: z.array(Id).optional(),
})
export type Outcome = z.infer<typeof Outcome>

export const EventKind = z.enum([
  'call',
  'applications',
  'screening',
  'selection',
  'presentation',
  'dispute',
  'evaluation',
  'retender-call',
  'retender-applications',
  'addition',
  'scheduled',
  'announcement',
])
export type EventKind = z.infer<typeof EventKind>

export const TimelineEvent = z.strictObject({
  id: Id,
  date: PartialDate,
  /** For spans such as a call that stays open for a month. */
  end_date: PartialDate.optional(),
  kind: EventKind,
  /** 0: selection of the five; 1: first-stage evaluation; 2: second; 3: final. */
  phase: z.number().int().min(0).max(3).optional(),
  /** scheduled: announced for the future and not known to have happened. */
  status: z.enum(['happened', 'scheduled']).default('happened'),
  title: Text,
  summary: Text,
  outcomes: z.array(Outcome).default([]),
  score_max: z.partialRecord(ScoreKey, z.number().positive()).optional(),
  /** Further facts about this event (averages, criteria, who announced it). */
  facts: z.array(Fact).default([]),
  sources: SourceIds,
  certainty: Certainty.default('confirmed'),
  note: Text.optional(),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>
export const TimelineFile = z.strictObject({ events: z.array(TimelineEvent).min(1) })

// ---------------------------------------------------------------- people.yaml
export const Quote = z.strictObject({
  id: Id,
  /** The words as published, in `lang`. */
  text: NonEmpty,
  lang: Lang,
  /** true when the source gives a paraphrase rather than the exact words. */
  paraphrase: z.boolean().default(false),
  translation: Text.optional(),
  context: Text,
  date: PartialDate.optional(),
  sources: SourceIds,
})
export type Quote = z.infer<typeof Quote>

export const Person = z.strictObject({
  id: Id,
  name: Text,
  aliases: z.array(NonEmpty).default([]),
  role: Text,
  organization: Id.optional(),
  team: Id.optional(),
  quotes: z.array(Quote).default([]),
  sources: SourceIds,
})
export type Person = z.infer<typeof Person>
export const PeopleFile = z.strictObject({ people: z.array(Person).min(1) })

// ---------------------------------------------------------------- glossary.yaml
export const Term = z.strictObject({
  id: Id,
  term: Text,
  aliases: z.array(NonEmpty).default([]),
  definition: Text,
  sources: SourceIds,
})
export type Term = z.infer<typeof Term>
export const GlossaryFile = z.strictObject({ terms: z.array(Term).min(1) })

// ---------------------------------------------------------------- documents/*.md
export const DocumentFrontMatter = z.strictObject({
  id: Id,
  title: NonEmpty,
  date: PartialDate,
  language: Lang,
  sources: SourceIds,
  teams: z.array(Id).default([]),
  /** A short English summary so English questions can find a Korean document (and vice versa). */
  summary_en: NonEmpty,
  summary_ko: NonEmpty.optional(),
})
export type DocumentFrontMatter = z.infer<typeof DocumentFrontMatter>
