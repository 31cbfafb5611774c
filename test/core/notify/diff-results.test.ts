import { describe, expect, it } from 'vitest'
import {
  type ChangeEvent,
  currentStateChange,
  diffResults,
  EMPTY_STATE,
  resultsStateOf,
} from '../../../src/core/index.js'
import { corpusOf, event, PHASE1, PHASE2_SCHEDULED, SELECTION, TEAMS } from './fixtures.js'

const state = (...events: ReturnType<typeof event>[]) => resultsStateOf(corpusOf(events))

/** The diff, reduced to what each case is about: kind, event/team and the change itself. */
function summary(changes: ChangeEvent[]): string[] {
  return changes.map(describeChange)
}

function describeChange(c: ChangeEvent): string {
  switch (c.kind) {
    case 'results':
      return `results ${c.event.id}: ${c.outcomes.map((o) => `${o.team.id}=${o.result}`).join(' ')}`
    case 'correction':
      return `correction ${c.event.id}: ${c.changes.map((x) => `${x.team.id} ${x.from}->${x.to}`).join(' ')}`
    case 'schedule':
      return `schedule ${c.event.id}: ${c.from ? `${c.from.date}->` : ''}${c.event.date}`
    case 'team-status':
      return `team-status ${c.team.id}: ${c.from}->${c.to}`
    case 'current-state':
      return `current-state ${c.standings.length}`
    case 'overdue':
      return `overdue ${c.event.id}`
  }
}

describe('diffResults', () => {
  const cases: {
    name: string
    before: ReturnType<typeof state>
    after: ReturnType<typeof state>
    expected: string[]
  }[] = [
    {
      name: 'announces a new evaluation with every outcome when its results appear',
      before: state(SELECTION),
      after: state(SELECTION, PHASE1),
      expected: [
        'results phase1-results: lg-ai-research=advanced naver-cloud=eliminated nc-ai=eliminated sk-telecom=advanced upstage=advanced',
      ],
    },
    {
      name: 'announces a team added through the re-tender when an addition event appears',
      before: state(SELECTION, PHASE1),
      after: state(
        SELECTION,
        PHASE1,
        event('motif-added', { date: '2026-02-20', kind: 'addition', outcomes: { motif: 'added' } }),
      ),
      expected: ['results motif-added: motif=added'],
    },
    {
      name: 'tells a withdrawal as a change to the event when an outcome is added to a known event',
      before: state(
        SELECTION,
        PHASE1,
        event('retender', { date: '2026-01-16', kind: 'announcement', outcomes: { 'nc-ai': 'declined' } }),
      ),
      after: state(
        SELECTION,
        PHASE1,
        event('retender', {
          date: '2026-01-16',
          kind: 'announcement',
          outcomes: { 'nc-ai': 'declined', 'naver-cloud': 'withdrew' },
        }),
      ),
      expected: ['correction retender: naver-cloud null->withdrew'],
    },
    {
      name: 'announces a correction when an earlier result is changed',
      before: state(SELECTION, PHASE1),
      after: state(
        SELECTION,
        event('phase1-results', {
          date: '2026-01-15',
          phase: 1,
          outcomes: { ...outcomesOf(PHASE1), upstage: 'eliminated', 'nc-ai': 'advanced' },
        }),
      ),
      expected: ['correction phase1-results: nc-ai eliminated->advanced upstage advanced->eliminated'],
    },
    {
      name: 'announces a schedule when a scheduled event appears',
      before: state(SELECTION, PHASE1),
      after: state(SELECTION, PHASE1, PHASE2_SCHEDULED),
      expected: ['schedule phase2-evaluation: 2026-08'],
    },
    {
      name: 'announces the move when a scheduled date changes',
      before: state(SELECTION, PHASE1, PHASE2_SCHEDULED),
      after: state(SELECTION, PHASE1, { ...PHASE2_SCHEDULED, date: '2026-09-01' }),
      expected: ['schedule phase2-evaluation: 2026-08->2026-09-01'],
    },
    {
      name: 'announces results when a scheduled event happens with outcomes',
      before: state(SELECTION, PHASE1, PHASE2_SCHEDULED),
      after: state(SELECTION, PHASE1, {
        ...PHASE2_SCHEDULED,
        status: 'happened',
        date: '2026-08-10',
        outcomes: [
          { team: 'lg-ai-research', result: 'advanced' },
          { team: 'sk-telecom', result: 'eliminated' },
        ],
      }),
      expected: ['results phase2-evaluation: lg-ai-research=advanced sk-telecom=eliminated'],
    },
    {
      name: 'announces the status change when a removed event leaves a team with an older status',
      before: state(SELECTION, PHASE1),
      after: state(SELECTION),
      expected: [
        'team-status lg-ai-research: advanced->selected',
        'team-status naver-cloud: eliminated->selected',
        'team-status nc-ai: eliminated->selected',
        'team-status sk-telecom: advanced->selected',
        'team-status upstage: advanced->selected',
      ],
    },
    {
      name: 'finds nothing when the state is the same',
      before: state(SELECTION, PHASE1, PHASE2_SCHEDULED),
      after: state(SELECTION, PHASE1, PHASE2_SCHEDULED),
      expected: [],
    },
    {
      name: 'finds nothing when only the order of events, outcomes and teams changes',
      before: state(SELECTION, PHASE1, PHASE2_SCHEDULED),
      after: resultsStateOf(
        corpusOf(
          [PHASE2_SCHEDULED, { ...PHASE1, outcomes: [...PHASE1.outcomes].reverse() }, SELECTION],
          [...TEAMS].reverse(),
        ),
      ),
      expected: [],
    },
    {
      name: 'finds nothing when only a title or summary is edited',
      before: state(SELECTION, PHASE1),
      after: state(SELECTION, { ...PHASE1, title: { ko: '1차 평가 결과(수정)', en: 'Phase 1 (edited)' } }),
      expected: [],
    },
    {
      name: 'ignores pending outcomes of an event that happened',
      before: state(SELECTION),
      after: state(
        SELECTION,
        event('phase1-results', { date: '2026-01-15', outcomes: { upstage: 'pending' } }),
      ),
      expected: [],
    },
  ]

  for (const c of cases) {
    it(`${c.name}`, () => {
      expect(summary(diffResults(c.before, c.after))).toStrictEqual(c.expected)
    })
  }

  it('gives the same change the same id however it arrives', () => {
    const viaOneStep = diffResults(state(SELECTION), state(SELECTION, PHASE1))
    const viaReorderedCorpus = diffResults(
      state(SELECTION),
      resultsStateOf(corpusOf([{ ...PHASE1, outcomes: [...PHASE1.outcomes].reverse() }, SELECTION])),
    )
    expect(viaReorderedCorpus.map((c) => c.id)).toStrictEqual(viaOneStep.map((c) => c.id))
    expect(viaOneStep[0]!.id).toMatch(/^results:[0-9a-f]{20}$/)
  })

  it('gives different ids when the outcomes differ', () => {
    const a = diffResults(state(SELECTION), state(SELECTION, PHASE1))[0]!
    const b = diffResults(
      state(SELECTION),
      state(SELECTION, event('phase1-results', { date: '2026-01-15', outcomes: { upstage: 'eliminated' } })),
    )[0]!
    expect(a.id).not.toBe(b.id)
  })

  it('orders missed changes oldest first when several arrive at once', () => {
    const changes = diffResults(
      EMPTY_STATE,
      state(
        PHASE2_SCHEDULED,
        PHASE1,
        SELECTION,
        event('motif-added', { date: '2026-02-20', kind: 'addition', outcomes: { motif: 'added' } }),
      ),
    )
    expect(changes.map((c) => c.date)).toStrictEqual(['2025-08-04', '2026-01-15', '2026-02-20', '2026-08'])
  })

  it('touches only the teams named in the change so team filters can match', () => {
    const [correction] = diffResults(
      state(SELECTION, PHASE1),
      state(SELECTION, {
        ...PHASE1,
        outcomes: PHASE1.outcomes.map((o) =>
          o.team === 'upstage' ? { ...o, result: 'eliminated' as const } : o,
        ),
      }),
    )
    expect(correction!.teams).toStrictEqual(['upstage'])
  })
})

describe('currentStateChange', () => {
  it('lists each team once with its latest status and the next scheduled event', () => {
    const change = currentStateChange(state(SELECTION, PHASE1, PHASE2_SCHEDULED))
    expect(change.standings.map((s) => `${s.team.id}=${s.result}`)).toStrictEqual([
      'lg-ai-research=advanced',
      'naver-cloud=eliminated',
      'nc-ai=eliminated',
      'sk-telecom=advanced',
      'upstage=advanced',
    ])
    expect(change.next?.id).toBe('phase2-evaluation')
  })

  it('keeps its id when the state is the same so it is announced once', () => {
    expect(currentStateChange(state(SELECTION, PHASE1)).id).toBe(
      currentStateChange(state(PHASE1, SELECTION)).id,
    )
  })
})

function outcomesOf(e: ReturnType<typeof event>): Record<string, string> {
  return Object.fromEntries(e.outcomes.map((o) => [o.team, o.result]))
}
