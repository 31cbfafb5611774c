import { comparePartialDates } from '../corpus/dates.js'
import type {
  Fact,
  Organization,
  Outcome,
  Person,
  Source,
  Team,
  Term,
  TimelineEvent,
} from '../corpus/schema.js'
import { deriveTeamStatus, eventsInDateOrder, type TeamStatus } from '../corpus/state.js'
import type { Corpus } from '../corpus/types.js'
import type { Lang } from './types.js'

/** One team's outcome in one event. */
export interface TeamOutcome {
  event: TimelineEvent
  outcome: Outcome
}

/** The corpus indexed for answering: lookups by id and the timeline in date order. */
export interface Knowledge {
  corpus: Corpus
  events: TimelineEvent[]
  /**
   * Every fact once (programme, teams, models, events), its `teams` including the team it is written
   * under: `corpus.facts` holds them all but a team's own facts do not name their team.
   */
  facts: Fact[]
  status: TeamStatus[]
  team(id: string): Team | undefined
  teamName(id: string, lang: Lang): string
  source(id: string): Source | undefined
  person(id: string): Person | undefined
  term(id: string): Term | undefined
  organization(id: string): Organization | undefined
  /** A team's outcomes in date order (happened events only). */
  outcomesOf(teamId: string): TeamOutcome[]
  /** The sources of an outcome: its own when given, else its event's. */
  outcomeSources(o: TeamOutcome): string[]
}

/** Indexes a corpus once per core; every answer reads from it. */
export function createKnowledge(corpus: Corpus): Knowledge {
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]))
  const teams = byId(corpus.teams)
  const sources = byId(corpus.sources)
  const people = byId(corpus.people)
  const terms = byId(corpus.terms)
  const orgs = byId(corpus.organizations)
  const events = eventsInDateOrder(corpus)
  const outcomes = new Map<string, TeamOutcome[]>()
  for (const event of events) {
    if (event.status !== 'happened') continue
    for (const outcome of event.outcomes) {
      const list = outcomes.get(outcome.team) ?? []
      list.push({ event, outcome })
      outcomes.set(outcome.team, list)
    }
  }
  return {
    corpus,
    events,
    facts: factsWithTeams(corpus),
    status: deriveTeamStatus(corpus).filter(
      (s) => events.find((e) => e.id === s.eventId)?.status === 'happened',
    ),
    team: (id) => teams.get(id),
    teamName: (id, lang) => teams.get(id)?.name[lang] ?? id,
    source: (id) => sources.get(id),
    person: (id) => people.get(id),
    term: (id) => terms.get(id),
    organization: (id) => orgs.get(id),
    outcomesOf: (teamId) => outcomes.get(teamId) ?? [],
    outcomeSources: (o) => (o.outcome.sources?.length ? o.outcome.sources : o.event.sources),
  }
}

function factsWithTeams(corpus: Corpus): Fact[] {
  const owner = new Map<string, string>()
  for (const team of corpus.teams)
    for (const f of [...team.facts, ...team.models.flatMap((m) => m.facts)]) owner.set(f.id, team.id)
  const seen = new Set<string>()
  const out: Fact[] = []
  for (const f of corpus.facts) {
    if (seen.has(f.id)) continue
    seen.add(f.id)
    const team = owner.get(f.id)
    out.push(team && !f.teams.includes(team) ? { ...f, teams: [team, ...f.teams] } : f)
  }
  return out
}

/** The newest of some partial dates (YYYY, YYYY-MM, YYYY-MM-DD), or null. */
export function newestDate(dates: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null
  for (const d of dates) if (d && (best === null || comparePartialDates(d, best) > 0)) best = d
  return best
}
