import { beforeAll, describe, expect, it } from 'vitest'
import {
  type Corpus,
  deriveTeamStatus,
  eventsInDateOrder,
  eventsOfPhase,
  latestEvaluation,
  latestResultEvent,
  loadCorpusOrThrow,
  nextScheduledEvents,
  replacesStatus,
  teamStatus,
} from '../../../src/core/index.js'

let corpus: Corpus

beforeAll(async () => {
  corpus = await loadCorpusOrThrow('test/fixtures/corpus')
})

describe('replacesStatus', () => {
  it('keeps an exit when the team later declines a call, but lets declining stand for a team still in', () => {
    expect(replacesStatus('eliminated', 'declined')).toBe(false)
    expect(replacesStatus('not-selected', 'declined')).toBe(false)
    expect(replacesStatus('applied', 'declined')).toBe(true)
    expect(replacesStatus(undefined, 'declined')).toBe(true)
  })

  it('never lets a pending outcome hide a known result', () => {
    expect(replacesStatus('advanced', 'pending')).toBe(false)
    expect(replacesStatus('pending', 'pending')).toBe(true)
    expect(replacesStatus('eliminated', 'added')).toBe(true)
  })
})

describe('deriveTeamStatus', () => {
  it('gives each team its last decided outcome when pending outcomes come later', () => {
    expect(deriveTeamStatus(corpus)).toEqual([
      {
        teamId: 'lg-ai-research',
        result: 'advanced',
        eventId: 'phase1-results',
        date: '2026-01-15',
        phase: 1,
      },
      { teamId: 'skt', result: 'advanced', eventId: 'phase1-results', date: '2026-01-15', phase: 1 },
      { teamId: 'upstage', result: 'advanced', eventId: 'phase1-results', date: '2026-01-15', phase: 1 },
      // Reason: Naver Cloud declined the re-tender after it was eliminated; declining does not hide why it is out.
      {
        teamId: 'naver-cloud',
        result: 'eliminated',
        eventId: 'phase1-results',
        date: '2026-01-15',
        phase: 1,
      },
      { teamId: 'motif', result: 'added', eventId: 'addition-2026', date: '2026-02-20', phase: 1 },
    ])
  })

  it('shows the state of the day when given asOf', () => {
    const status = deriveTeamStatus(corpus, '2025-08-04')
    expect(status.map((s) => [s.teamId, s.result])).toEqual([
      ['lg-ai-research', 'selected'],
      ['skt', 'selected'],
      ['upstage', 'selected'],
      ['naver-cloud', 'selected'],
      ['motif', 'not-selected'],
    ])
  })

  it('leaves out teams the timeline has not named yet when asOf is before their first outcome', () => {
    expect(deriveTeamStatus(corpus, '2025-07-01')).toEqual([])
  })

  it('reports pending when a team has only pending outcomes', () => {
    const onlyPending = {
      teams: corpus.teams,
      events: corpus.events.filter((e) => e.id === 'phase2-evaluation'),
    }
    expect(teamStatus(onlyPending, 'skt')).toEqual({
      teamId: 'skt',
      result: 'pending',
      eventId: 'phase2-evaluation',
      date: '2026-08',
      phase: 2,
    })
  })

  it('returns undefined for a team the timeline never names', () => {
    expect(teamStatus(corpus, 'kakao')).toBeUndefined()
  })
})

describe('timeline helpers', () => {
  it('orders events by date with a month before the days in it', () => {
    const shuffled = { events: [...corpus.events].reverse() }
    expect(eventsInDateOrder(shuffled).map((e) => e.id)).toEqual([
      'call-2025',
      'applications-2025',
      'selection-2025',
      'phase1-results',
      'retender-declined',
      'retender-applications',
      'addition-2026',
      'phase2-evaluation',
    ])
  })

  it('finds the phase-1 results as the latest evaluation when phase 2 is only scheduled', () => {
    expect(latestEvaluation(corpus)?.id).toBe('phase1-results')
  })

  it('finds no evaluation when asOf is before the first one', () => {
    expect(latestEvaluation(corpus, '2025-12-31')).toBeUndefined()
  })

  it('finds the addition as the latest event with results of any kind', () => {
    expect(latestResultEvent(corpus)?.id).toBe('addition-2026')
    expect(latestResultEvent(corpus, { kinds: ['selection'] })?.id).toBe('selection-2025')
  })

  it('lists the events of one phase in date order', () => {
    expect(eventsOfPhase(corpus, 0).map((e) => e.id)).toEqual([
      'call-2025',
      'applications-2025',
      'selection-2025',
    ])
    expect(eventsOfPhase(corpus, 3)).toEqual([])
  })

  it('lists scheduled events, and with asOf also events after that day', () => {
    expect(nextScheduledEvents(corpus).map((e) => e.id)).toEqual(['phase2-evaluation'])
    expect(nextScheduledEvents(corpus, '2026-02-15').map((e) => e.id)).toEqual([
      'addition-2026',
      'phase2-evaluation',
    ])
  })
})
