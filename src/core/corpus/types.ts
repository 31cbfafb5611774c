import type { z } from 'zod'
import type {
  Conflict,
  DocumentFrontMatter,
  Fact,
  Organization,
  Person,
  ProgramFile,
  Source,
  Team,
  Term,
  TimelineEvent,
} from './schema.js'

export type Program = z.infer<typeof ProgramFile>['program']

/** A Markdown document from corpus/documents/, split into paragraphs for indexing. */
export interface CorpusDocument extends DocumentFrontMatter {
  /** Path relative to the corpus directory, e.g. `documents/phase1-debate.md`. */
  file: string
  body: string
  paragraphs: string[]
}

/** The whole validated corpus: what `loadCorpus(dir)` returns and everything the core reasons over. */
export interface Corpus {
  dir: string
  /** sha256 over every file's path and bytes: keys the persisted index and tells whether anything changed. */
  hash: string
  program: Program
  organizations: Organization[]
  facts: Fact[]
  conflicts: Conflict[]
  sources: Source[]
  teams: Team[]
  events: TimelineEvent[]
  people: Person[]
  terms: Term[]
  documents: CorpusDocument[]
}
