import { describe, expect, it } from 'vitest'
import { parseKaiCommand, parseShareValue } from '../../../adapters/slack/commands.js'

describe('parseKaiCommand', () => {
  it('reads every English subcommand when it is the first word', () => {
    expect(parseKaiCommand('ask who made K-EXAONE?')).toEqual({ kind: 'ask', question: 'who made K-EXAONE?' })
    expect(parseKaiCommand('results')).toEqual({ kind: 'results', phase: undefined })
    expect(parseKaiCommand('results 1')).toEqual({ kind: 'results', phase: 1 })
    expect(parseKaiCommand('results phase 2')).toEqual({ kind: 'results', phase: 2 })
    expect(parseKaiCommand('team LG AI Research')).toEqual({ kind: 'team', name: 'LG AI Research' })
    expect(parseKaiCommand('changes')).toEqual({ kind: 'changes', since: undefined })
    expect(parseKaiCommand('changes since 2025-08-01')).toEqual({ kind: 'changes', since: '2025-08-01' })
    expect(parseKaiCommand('subscribe')).toEqual({ kind: 'subscribe', team: undefined })
    expect(parseKaiCommand('subscribe Upstage')).toEqual({ kind: 'subscribe', team: 'Upstage' })
    expect(parseKaiCommand('unsubscribe')).toEqual({ kind: 'unsubscribe', team: undefined })
    expect(parseKaiCommand('subscriptions')).toEqual({ kind: 'subscriptions' })
    expect(parseKaiCommand('help')).toEqual({ kind: 'help' })
  })

  it('treats the whole text as a question when the first word is not a subcommand', () => {
    expect(parseKaiCommand('1차 평가 결과는?')).toEqual({ kind: 'ask', question: '1차 평가 결과는?' })
    expect(parseKaiCommand('  Who   was eliminated? ')).toEqual({
      kind: 'ask',
      question: 'Who was eliminated?',
    })
  })

  it('shows help when the text is empty', () => {
    expect(parseKaiCommand('   ')).toEqual({ kind: 'help' })
  })

  it('accepts Korean subcommands but falls back to a question when the rest does not fit', () => {
    expect(parseKaiCommand('결과 2차')).toEqual({ kind: 'results', phase: 2 })
    expect(parseKaiCommand('결과 발표는 언제?')).toEqual({ kind: 'ask', question: '결과 발표는 언제?' })
    expect(parseKaiCommand('구독 LG')).toEqual({ kind: 'subscribe', team: 'LG' })
  })

  it('reports a bad phase or date when an English subcommand gets one', () => {
    expect(parseKaiCommand('results soon')).toEqual({ kind: 'invalid', problem: 'bad-phase', value: 'soon' })
    expect(parseKaiCommand('changes since 2025-02-30')).toEqual({
      kind: 'invalid',
      problem: 'bad-date',
      value: 'since 2025-02-30',
    })
  })
})

describe('parseShareValue', () => {
  it('round-trips what the share button carries', () => {
    const value = { k: 'ask', q: '누가 탈락했어?', l: 'ko' }
    expect(parseShareValue(JSON.stringify(value))).toEqual(value)
  })

  it('returns undefined when the value is not ours', () => {
    expect(parseShareValue('{"k":"drop-tables"}')).toBeUndefined()
    expect(parseShareValue('not json')).toBeUndefined()
    expect(parseShareValue(undefined)).toBeUndefined()
  })
})
