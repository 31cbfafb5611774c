import type { z } from 'zod'
import type { CorpusIssue } from '../errors.js'
import { comparePartialDates, isBefore, isRealDate } from './dates.js'
import type {
  DocumentFrontMatter,
  GlossaryFile,
  OutcomeResult,
  PeopleFile,
  ProgramFile,
  SourcesFile,
  TeamsFile,
  TimelineFile,
} from './schema.js'
import { didYouMean } from './suggest.js'
import { type DataPath, formatPath } from './yaml-locate.js'

/**
 * One corpus file after YAML parsing: `raw` is whatever the YAML held (so ids can be collected even
 * from a file with schema errors), `data` is the zod output when the file is valid.
 */
export interface CheckedFile<T> {
  file: string
  raw: unknown
  data: T | undefined
  locate(path: DataPath): number
}

/** The files cross-checked together; a file is absent when it is missing or not valid YAML. */
export interface CorpusFiles {
  sources?: CheckedFile<z.output<typeof SourcesFile>>
  program?: CheckedFile<z.output<typeof ProgramFile>>
  teams?: CheckedFile<z.output<typeof TeamsFile>>
  timeline?: CheckedFile<z.output<typeof TimelineFile>>
  people?: CheckedFile<z.output<typeof PeopleFile>>
  glossary?: CheckedFile<z.output<typeof GlossaryFile>>
  documents: CheckedFile<z.output<typeof DocumentFrontMatter>>[]
  /** True when every file was read and parsed as YAML, so "nobody cites this source" can be trusted. */
  complete: boolean
}

type EntityKind =
  | 'source'
  | 'program'
  | 'organization'
  | 'team'
  | 'model'
  | 'event'
  | 'person'
  | 'quote'
  | 'term'
  | 'fact'
  | 'conflict'
  | 'document'

/**
 * Kinds the answer engine resolves from a name or id (team buttons, "who is X", "what is Y"): they
 * share one id namespace so that an id alone says what it is.
 */
const NAMED_KINDS: ReadonlySet<EntityKind> = new Set([
  'program',
  'organization',
  'team',
  'model',
  'person',
  'term',
])

interface IdSite {
  kind: EntityKind
  id: string
  at: CheckedFile<unknown>
  /** Path of the `id` field. */
  path: DataPath
}

/**
 * Runs every check that spans entities or files, beyond what zod checks per file:
 * - ids unique within their kind (facts share one namespace across files), and teams, models,
 *   organizations, people, terms and the program share one namespace (see NAMED_KINDS);
 * - every `sources` id is a source, every `team`/`teams` id a team, ministry/agencies/organization an
 *   organization, with a "did you mean" when a known id is a few edits away;
 * - every source is cited somewhere (only when every file could be read, or the answer would be a guess);
 * - no name or alias (NFKC, lower case, no spaces) belongs to two entities;
 * - calendar dates, end_date not before date, scores within score_max, scheduled events only pending;
 * - no outcome for a team outside the program at that date (see checkTeamsExisted), every team in the
 *   timeline, and `role` agreeing with it.
 * Checks that need a file skip quietly when that file is missing or broken: its own issues say why.
 */
export function crossCheck(files: CorpusFiles): CorpusIssue[] {
  const issues: CorpusIssue[] = []
  const report = (at: CheckedFile<unknown>, path: DataPath, message: string) =>
    issues.push({ file: at.file, line: at.locate(path), path: formatPath(path), message })

  const sites = collectIds(files)
  checkDuplicateIds(sites, report)

  const known = (kind: EntityKind) => new Set(sites.filter((s) => s.kind === kind).map((s) => s.id))
  const sourceIds = files.sources ? known('source') : undefined
  const teamIds = files.teams ? known('team') : undefined
  const orgIds = files.program ? known('organization') : undefined

  checkReferences(files, { sourceIds, teamIds, orgIds }, report)
  if (files.complete && files.sources?.data) checkUncitedSources(files, report)
  checkAliases(files, report)
  checkDates(files, report)
  if (files.timeline?.data) {
    checkTimeline(files.timeline as CheckedFile<z.output<typeof TimelineFile>>, teamIds, report)
  }
  if (files.timeline?.data && files.teams?.data) checkTeamsInTimeline(files, report)
  return issues
}

type Report = (at: CheckedFile<unknown>, path: DataPath, message: string) => void

// ---------------------------------------------------------------- ids

function list(value: unknown, key: string): unknown[] {
  if (value === null || typeof value !== 'object') return []
  const v = (value as Record<string, unknown>)[key]
  return Array.isArray(v) ? v : []
}

function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const id = (value as Record<string, unknown>).id
  return typeof id === 'string' ? id : undefined
}

/** Every `id` in the corpus with its kind and place; read from raw data so broken files still define ids. */
function collectIds(files: CorpusFiles): IdSite[] {
  const sites: IdSite[] = []
  const add = (kind: EntityKind, value: unknown, at: CheckedFile<unknown> | undefined, path: DataPath) => {
    const id = idOf(value)
    if (id !== undefined && at) sites.push({ kind, id, at, path: [...path, 'id'] })
  }
  const addFacts = (owner: unknown, at: CheckedFile<unknown> | undefined, path: DataPath) =>
    list(owner, 'facts').forEach((f, i) => {
      add('fact', f, at, [...path, 'facts', i])
    })

  const { sources, program, teams, timeline, people, glossary } = files
  list(sources?.raw, 'sources').forEach((s, i) => {
    add('source', s, sources, ['sources', i])
  })

  if (program?.raw && typeof program.raw === 'object') {
    add('program', (program.raw as Record<string, unknown>).program, program, ['program'])
  }
  list(program?.raw, 'organizations').forEach((o, i) => {
    add('organization', o, program, ['organizations', i])
  })
  addFacts(program?.raw, program, [])
  list(program?.raw, 'conflicts').forEach((c, i) => {
    add('conflict', c, program, ['conflicts', i])
  })

  list(teams?.raw, 'teams').forEach((t, i) => {
    add('team', t, teams, ['teams', i])
    addFacts(t, teams, ['teams', i])
    list(t, 'models').forEach((m, j) => {
      add('model', m, teams, ['teams', i, 'models', j])
      addFacts(m, teams, ['teams', i, 'models', j])
    })
  })
  list(timeline?.raw, 'events').forEach((e, i) => {
    add('event', e, timeline, ['events', i])
    addFacts(e, timeline, ['events', i])
  })
  list(people?.raw, 'people').forEach((p, i) => {
    add('person', p, people, ['people', i])
    list(p, 'quotes').forEach((q, j) => {
      add('quote', q, people, ['people', i, 'quotes', j])
    })
  })
  list(glossary?.raw, 'terms').forEach((t, i) => {
    add('term', t, glossary, ['terms', i])
  })
  for (const doc of files.documents) add('document', doc.raw, doc, [])
  return sites
}

function where(site: IdSite): string {
  return `${site.at.file}:${site.at.locate(site.path)}`
}

function checkDuplicateIds(sites: IdSite[], report: Report): void {
  const firstByKind = new Map<string, IdSite>()
  const firstNamed = new Map<string, IdSite>()
  for (const site of sites) {
    const key = `${site.kind}\0${site.id}`
    const first = firstByKind.get(key)
    if (first) {
      report(
        site.at,
        site.path,
        `duplicate ${site.kind} id '${site.id}' (first at ${where(first)}) — rename one of them`,
      )
      continue
    }
    firstByKind.set(key, site)
    if (!NAMED_KINDS.has(site.kind)) continue
    const other = firstNamed.get(site.id)
    if (other) {
      report(
        site.at,
        site.path,
        `id '${site.id}' is already the id of ${other.kind} at ${where(other)} — teams, models, organizations, people, terms and the program share one id namespace; rename one`,
      )
      continue
    }
    firstNamed.set(site.id, site)
  }
}

// ---------------------------------------------------------------- references

interface KnownIds {
  sourceIds: Set<string> | undefined
  teamIds: Set<string> | undefined
  orgIds: Set<string> | undefined
}

/** Calls `visit` for every value in `data` with its path (depth first, in document order). */
function walk(
  data: unknown,
  path: PropertyKey[],
  visit: (value: unknown, path: PropertyKey[]) => void,
): void {
  visit(data, path)
  if (Array.isArray(data))
    data.forEach((v, i) => {
      walk(v, [...path, i], visit)
    })
  else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) walk(v, [...path, k], visit)
  }
}

function allFiles(files: CorpusFiles): CheckedFile<unknown>[] {
  const { sources, program, teams, timeline, people, glossary } = files
  const out: CheckedFile<unknown>[] = []
  for (const f of [sources, program, teams, timeline, people, glossary, ...files.documents])
    if (f) out.push(f)
  return out
}

function checkReferences(files: CorpusFiles, known: KnownIds, report: Report): void {
  const check = (
    at: CheckedFile<unknown>,
    path: PropertyKey[],
    id: unknown,
    kind: string,
    ids: Set<string> | undefined,
    home: string,
  ) => {
    if (!ids || typeof id !== 'string' || ids.has(id)) return
    report(
      at,
      path,
      `unknown ${kind} '${id}'${didYouMean(id, ids, ` — add it to ${home} or use an existing id`)}`,
    )
  }
  for (const at of allFiles(files)) {
    if (at.data === undefined) continue
    walk(at.data, [], (value, path) => {
      const key = path[path.length - 1]
      const parentKey = path[path.length - 2]
      // `sources` and `teams` hold ids only when they are lists of strings (the top-level lists hold objects).
      if (typeof value === 'string' && parentKey === 'sources' && path.length >= 2) {
        check(at, path, value, 'source', known.sourceIds, 'sources.yaml')
      } else if (typeof value === 'string' && parentKey === 'teams' && path.length >= 2) {
        check(at, path, value, 'team', known.teamIds, 'teams.yaml')
      } else if (key === 'team' && typeof value === 'string') {
        check(at, path, value, 'team', known.teamIds, 'teams.yaml')
      }
    })
  }
  const program = files.program
  if (program?.data) {
    const p = program.data.program
    check(
      program,
      ['program', 'ministry'],
      p.ministry,
      'organization',
      known.orgIds,
      'organizations in program.yaml',
    )
    p.agencies.forEach((a, i) => {
      check(
        program,
        ['program', 'agencies', i],
        a,
        'organization',
        known.orgIds,
        'organizations in program.yaml',
      )
    })
  }
  const people = files.people
  if (people?.data) {
    people.data.people.forEach((person, i) => {
      check(
        people,
        ['people', i, 'organization'],
        person.organization,
        'organization',
        known.orgIds,
        'organizations in program.yaml',
      )
    })
  }
}

function checkUncitedSources(files: CorpusFiles, report: Report): void {
  const cited = new Set<string>()
  for (const at of allFiles(files)) {
    walk(at.raw, [], (value, path) => {
      if (typeof value === 'string' && path[path.length - 2] === 'sources' && path.length >= 2)
        cited.add(value)
    })
  }
  const sources = files.sources!
  sources.data!.sources.forEach((source, i) => {
    if (!cited.has(source.id)) {
      report(
        sources,
        ['sources', i, 'id'],
        `source '${source.id}' is not cited anywhere — cite it in the sources of a fact, event, team or document, or remove it`,
      )
    }
  })
}

// ---------------------------------------------------------------- aliases

interface NameSite {
  owner: string
  at: CheckedFile<unknown>
  path: DataPath
  text: string
}

/** NFKC, lower case, no spaces: "LG AI 연구원" and "lg ai연구원" are the same name to someone asking. */
export function normalizeAlias(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
}

function checkAliases(files: CorpusFiles, report: Report): void {
  const names: NameSite[] = []
  const addNames = (
    owner: string,
    at: CheckedFile<unknown>,
    path: DataPath,
    name: { ko: string; en: string } | string,
    aliases: string[],
    nameKey = 'name',
  ) => {
    if (typeof name === 'string') names.push({ owner, at, path: [...path, nameKey], text: name })
    else {
      names.push({ owner, at, path: [...path, nameKey, 'ko'], text: name.ko })
      names.push({ owner, at, path: [...path, nameKey, 'en'], text: name.en })
    }
    aliases.forEach((a, i) => {
      names.push({ owner, at, path: [...path, 'aliases', i], text: a })
    })
  }
  const { program, teams, people, glossary } = files
  if (program?.data) {
    const p = program.data.program
    addNames(`program '${p.id}'`, program, ['program'], p.name, p.aliases)
    program.data.organizations.forEach((o, i) => {
      addNames(`organization '${o.id}'`, program, ['organizations', i], o.name, o.aliases)
    })
  }
  teams?.data?.teams.forEach((t, i) => {
    addNames(`team '${t.id}'`, teams, ['teams', i], t.name, t.aliases)
    t.models.forEach((m, j) => {
      addNames(`model '${m.id}'`, teams, ['teams', i, 'models', j], m.name, m.aliases)
    })
  })
  people?.data?.people.forEach((p, i) => {
    addNames(`person '${p.id}'`, people, ['people', i], p.name, p.aliases)
  })
  glossary?.data?.terms.forEach((t, i) => {
    addNames(`term '${t.id}'`, glossary, ['terms', i], t.term, t.aliases, 'term')
  })

  const firstOwner = new Map<string, NameSite>()
  for (const site of names) {
    const key = normalizeAlias(site.text)
    if (key === '') continue
    const first = firstOwner.get(key)
    if (!first) firstOwner.set(key, site)
    else if (first.owner !== site.owner) {
      report(
        site.at,
        site.path,
        `'${site.text}' is already a name or alias of ${first.owner} (${first.at.file}:${first.at.locate(first.path)}) — a name must lead to one entity; remove it from one of them`,
      )
    }
  }
}

// ---------------------------------------------------------------- dates, scores, timeline

const DATE_KEYS = new Set(['date', 'end_date', 'released'])

function checkDates(files: CorpusFiles, report: Report): void {
  for (const at of allFiles(files)) {
    if (at.data === undefined) continue
    walk(at.data, [], (value, path) => {
      const key = path[path.length - 1]
      if (typeof key === 'string' && DATE_KEYS.has(key) && typeof value === 'string' && !isRealDate(value)) {
        report(at, path, `'${value}' is not a day of the calendar — check the month and day`)
      }
    })
  }
}

/** Results that can name a team not (or no longer) in the program: entering it, or declining to. */
const ENTRY_RESULTS: ReadonlySet<OutcomeResult> = new Set(['applied', 'selected', 'added'])
const EXIT_RESULTS: ReadonlySet<OutcomeResult> = new Set([
  'screened-out',
  'not-selected',
  'eliminated',
  'withdrew',
])

function checkTimeline(
  timeline: CheckedFile<z.output<typeof TimelineFile>>,
  teamIds: Set<string> | undefined,
  report: Report,
): void {
  const events = timeline.data!.events
  events.forEach((event, i) => {
    if (event.end_date && isBefore(event.end_date, event.date)) {
      report(
        timeline,
        ['events', i, 'end_date'],
        `end_date ${event.end_date} is before date ${event.date} — swap them or fix the typo`,
      )
    }
    const seen = new Map<string, number>()
    event.outcomes.forEach((outcome, j) => {
      const path = ['events', i, 'outcomes', j]
      const earlier = seen.get(outcome.team)
      if (earlier !== undefined) {
        report(
          timeline,
          [...path, 'team'],
          `team '${outcome.team}' already has an outcome in this event (outcomes[${earlier}]) — merge them`,
        )
      } else seen.set(outcome.team, j)
      if (event.status === 'scheduled' && outcome.result !== 'pending') {
        report(
          timeline,
          [...path, 'result'],
          `a scheduled event cannot have result '${outcome.result}' yet — use 'pending', or set the event's status to happened`,
        )
      }
      for (const [key, score] of Object.entries(outcome.scores ?? {})) {
        const max = event.score_max?.[key as keyof typeof event.score_max]
        if (score === undefined) continue
        if (max === undefined) {
          report(
            timeline,
            [...path, 'scores', key],
            `score '${key}' has no maximum — add score_max.${key} to the event`,
          )
        } else if (score > max) {
          report(
            timeline,
            [...path, 'scores', key],
            `score ${score} is above the maximum ${max} (score_max.${key}) — check the number`,
          )
        }
      }
    })
  })
  checkTeamsExisted(timeline, teamIds, report)
}

/**
 * "A team that did not exist then": a team is in the program from its first applied, selected or added
 * outcome (in date order; same-day events in file order) until an outcome that ends its run
 * (screened-out, not-selected, eliminated, withdrew). Any other outcome while it is not in the program is
 * an error. `declined` is always allowed: it records a team choosing not to (re-)enter.
 */
function checkTeamsExisted(
  timeline: CheckedFile<z.output<typeof TimelineFile>>,
  teamIds: Set<string> | undefined,
  report: Report,
): void {
  const order = timeline
    .data!.events.map((event, index) => ({ event, index }))
    .sort((a, b) => comparePartialDates(a.event.date, b.event.date) || a.index - b.index)
  const exitedAt = new Map<string, { eventId: string; result: string; date: string }>()
  const inProgram = new Set<string>()
  for (const { event, index } of order) {
    event.outcomes.forEach((outcome, j) => {
      const { team, result } = outcome
      // An unknown id is reported once, as unknown, not again here.
      if (teamIds && !teamIds.has(team)) return
      if (ENTRY_RESULTS.has(result)) {
        inProgram.add(team)
        exitedAt.delete(team)
        return
      }
      if (result === 'declined') return
      if (!inProgram.has(team)) {
        const exit = exitedAt.get(team)
        const why = exit
          ? `team '${team}' left the program at event '${exit.eventId}' (${exit.result}, ${exit.date})`
          : `team '${team}' is not in the program yet on ${event.date}`
        report(
          timeline,
          ['events', index, 'outcomes', j, 'team'],
          `${why} — a '${result}' outcome needs an earlier applied, selected or added outcome for it`,
        )
        return
      }
      if (EXIT_RESULTS.has(result)) {
        inProgram.delete(team)
        exitedAt.set(team, { eventId: event.id, result, date: event.date })
      }
    })
  }
}

/** Every team appears in the timeline, and `role: elite` matches a selected or added outcome. */
function checkTeamsInTimeline(files: CorpusFiles, report: Report): void {
  const teams = files.teams!
  const results = new Map<string, Set<OutcomeResult>>()
  for (const event of files.timeline!.data!.events) {
    for (const o of event.outcomes) {
      const set = results.get(o.team) ?? new Set<OutcomeResult>()
      set.add(o.result)
      results.set(o.team, set)
    }
  }
  teams.data!.teams.forEach((team, i) => {
    const got = results.get(team.id)
    if (!got) {
      report(
        teams,
        ['teams', i, 'id'],
        `team '${team.id}' has no outcome in timeline.yaml — add its outcome (e.g. applied) to the event that introduced it`,
      )
      return
    }
    const chosen = got.has('selected') || got.has('added')
    if (team.role === 'elite' && !chosen) {
      report(
        teams,
        ['teams', i, 'role'],
        `team '${team.id}' is 'elite' but no event selects or adds it — add that outcome to timeline.yaml or set role: applicant`,
      )
    } else if (team.role === 'applicant' && chosen) {
      report(
        teams,
        ['teams', i, 'role'],
        `team '${team.id}' is 'applicant' but timeline.yaml selects or adds it — set role: elite`,
      )
    }
  })
}
