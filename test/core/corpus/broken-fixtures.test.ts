import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatCorpusIssue, loadCorpus } from '../../../src/core/index.js'

const ROOT = 'test/fixtures/broken'

/** Each broken fixture is the valid fixture with one thing broken, and the exact line(s) it must print. */
const EXPECTED: Record<string, string[]> = {
  'absolute-path': [
    "documents/phase1-debate.md:16: absolute path 'C:\\Users\\someone\\notes.txt' — name files relative to the repository (the shared folder is ../shared/)",
    "timeline.yaml:2: absolute path '/Users/someone/shared/sources/facts.md' — name files relative to the repository (the shared folder is ../shared/)",
  ],
  'yaml-syntax': [
    "glossary.yaml:20: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] — a '[' list is not closed — add the ']' (here or on the line above)",
  ],
  'missing-file': ['glossary.yaml:1: file is missing — create it, see corpus/README.md'],
  'missing-field': [
    'teams.yaml:47 teams[2].lead: required field is missing — add it as a mapping with ko, en',
  ],
  'unknown-field': [
    "people.yaml:7 people[0].orgnization: unknown field 'orgnization' — did you mean 'organization'? (allowed: id, name, aliases, role, organization, team, quotes, sources)",
  ],
  'bad-enum': ["teams.yaml:80 teams[3].role: 'eilte' is not one of elite, applicant — did you mean 'elite'?"],
  'malformed-date': [
    "timeline.yaml:80 events[4].date: dates are YYYY-MM-DD, YYYY-MM or YYYY (got '2026-16-01')",
  ],
  'impossible-date': [
    "timeline.yaml:104 events[6].date: '2026-02-30' is not a day of the calendar — check the month and day",
  ],
  'empty-text': ['glossary.yaml:22 terms[2].definition.en: must not be empty'],
  'duplicate-id': [
    "timeline.yaml:91 events[5].id: duplicate event id 'retender-declined' (first at {dir}/timeline.yaml:79) — rename one of them",
  ],
  'shared-id': [
    "glossary.yaml:17 terms[2].id: id 'skt' is already the id of team at {dir}/teams.yaml:31 — teams, models, organizations, people, terms and the program share one id namespace; rename one",
  ],
  'unknown-team': [
    "timeline.yaml:88 events[4].outcomes[0].team: unknown team 'naver-clould' — did you mean 'naver-cloud'?",
  ],
  'unknown-source': [
    "people.yaml:38 people[1].quotes[0].sources[0]: unknown source 'zdnet-20260115-critera' — did you mean 'zdnet-20260115-criteria'?",
  ],
  'unknown-organization': [
    "program.yaml:8 program.ministry: unknown organization 'msitt' — did you mean 'msit'?",
  ],
  'fact-without-source': ['program.yaml:38 facts[0].sources: every fact needs at least one source id'],
  'uncited-source': [
    "sources.yaml:116 sources[14].id: source 'zdnet-20251026-budget' is not cited anywhere — cite it in the sources of a fact, event, team or document, or remove it",
  ],
  'duplicate-alias': [
    "teams.yaml:61 teams[2].models[0].aliases[0]: '솔라 오픈' is already a name or alias of team 'upstage' ({dir}/teams.yaml:49) — a name must lead to one entity; remove it from one of them",
  ],
  'team-not-yet': [
    "timeline.yaml:42 events[2].outcomes[4].team: team 'motif' is not in the program yet on 2025-08-04 — a 'not-selected' outcome needs an earlier applied, selected or added outcome for it",
  ],
  'team-gone': [
    "timeline.yaml:129 events[7].outcomes[4].team: team 'naver-cloud' left the program at event 'phase1-results' (eliminated, 2026-01-15) — a 'pending' outcome needs an earlier applied, selected or added outcome for it",
  ],
  'end-before-date': [
    'timeline.yaml:5 events[0].end_date: end_date 2025-06-02 is before date 2025-06-20 — swap them or fix the typo',
  ],
  'score-above-max': [
    'timeline.yaml:58 events[3].outcomes[0].scores.expert: score 36.1 is above the maximum 35 (score_max.expert) — check the number',
  ],
  'score-without-max': [
    "timeline.yaml:58 events[3].outcomes[0].scores.user: score 'user' has no maximum — add score_max.user to the event",
  ],
  'unquoted-number': [
    "program.yaml:44 facts[1].date: expected text, got number 2025 — put it in quotes: '2025'",
  ],
  'role-mismatch': [
    "teams.yaml:35 teams[1].role: team 'skt' is 'applicant' but timeline.yaml selects or adds it — set role: elite",
  ],
  'scheduled-with-result': [
    "timeline.yaml:126 events[7].outcomes[1].result: a scheduled event cannot have result 'advanced' yet — use 'pending', or set the event's status to happened",
  ],
  'document-unknown-team': [
    "documents/phase1-debate.md:7 teams[1]: unknown team 'upstagee' — did you mean 'upstage'?",
  ],
  'document-no-front-matter': [
    "documents/originality-disputes.md:1: no front matter — start the file with a '---' line, the fields (id, title, date, language, sources, summary_en), and another '---' line",
  ],
}

describe('broken fixture corpora', () => {
  it('has an expectation for every broken fixture directory', () => {
    expect(readdirSync(ROOT).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [kind, lines] of Object.entries(EXPECTED)) {
    it(`reports exactly the broken line when the corpus has ${kind}`, async () => {
      const dir = `${ROOT}/${kind}`
      const result = await loadCorpus(dir)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.issues.map(formatCorpusIssue)).toEqual(
        lines.map((line) => `${dir}/${line.replaceAll('{dir}', dir)}`),
      )
    })
  }
})
