import type { Corpus } from '../corpus/types.js'
import { createEntityMatcher, type EntityKind, type EntityMatcher } from '../search/entities.js'

/** What a name in a question refers to. */
export type MentionKind = EntityKind

/** One name found in a question: `teamId` is set for teams, their models and their people. */
export interface Mention {
  kind: MentionKind
  id: string
  teamId?: string
  /** The text as written in the question. */
  surface: string
  start: number
  end: number
  /** false when the name was recognised despite a typo. */
  exact: boolean
}

/** Finds corpus names in a question, without overlaps, in reading order. */
export type FindMentions = (question: string) => Mention[]

/**
 * Wraps the search entity matcher (aliases, spacing variants, typos) and adds the team each
 * model or person belongs to, which is what the answer engine reasons about.
 */
export function createMentionFinder(
  corpus: Corpus,
  matcher: EntityMatcher = createEntityMatcher(corpus),
): FindMentions {
  const teamOf = new Map<string, string>()
  for (const t of corpus.teams) {
    teamOf.set(`team:${t.id}`, t.id)
    for (const m of t.models) teamOf.set(`model:${m.id}`, t.id)
  }
  for (const p of corpus.people) if (p.team) teamOf.set(`person:${p.id}`, p.team)
  return (question) =>
    matcher.find(question).map((m) => {
      const teamId = teamOf.get(`${m.kind}:${m.id}`)
      return {
        kind: m.kind,
        id: m.id,
        surface: m.surface,
        start: m.start,
        end: m.end,
        exact: m.exact,
        ...(teamId && { teamId }),
      }
    })
}
