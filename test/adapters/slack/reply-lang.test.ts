import { describe, expect, it } from 'vitest'
import { parseKaiCommand } from '../../../adapters/slack/commands.js'
import { commandLang, langOfLocale, langShownBy, questionLang } from '../../../adapters/slack/reply-lang.js'
import { detectLang } from '../../../src/core/answer/lang.js'

const langOf = (text: string) => commandLang(text, parseKaiCommand(text), detectLang)

describe('langShownBy', () => {
  it('tells Korean and English text apart and gives up when there are no letters', () => {
    expect(langShownBy('누가 탈락했어?', detectLang)).toBe('ko')
    expect(langShownBy('who advanced?', detectLang)).toBe('en')
    expect(langShownBy('2?', detectLang)).toBeUndefined()
    expect(langShownBy('2025-08-01', detectLang)).toBeUndefined()
  })
})

describe('commandLang', () => {
  it('follows the question of ask or a bare question whatever the subcommand word', () => {
    expect(langOf('ask who advanced?')).toBe('en')
    expect(langOf('ask 누가 진출했어?')).toBe('ko')
    expect(langOf('1차 결과는?')).toBe('ko')
    expect(langOf('who was eliminated?')).toBe('en')
  })

  it('leaves an English subcommand word with plain arguments to the locale', () => {
    // A Korean user types `/kai results` too: the English word is the command's name, not their language.
    for (const text of [
      'results',
      'results 2',
      'help',
      '',
      'team LG',
      'changes since 2025-08-01',
      'subscribe',
    ])
      expect(langOf(text)).toBeUndefined()
    expect(langOf('results soon')).toBeUndefined()
  })

  it('answers in Korean when the subcommand word or an argument is Korean', () => {
    expect(langOf('결과')).toBe('ko')
    expect(langOf('도움말')).toBe('ko')
    expect(langOf('팀 LG')).toBe('ko')
    expect(langOf('team 업스테이지')).toBe('ko')
    expect(langOf('results 2차')).toBe('ko')
    expect(langOf('구독목록')).toBe('ko')
  })

  it('uses the Korean subcommand word when the question has no letters', () => {
    expect(langOf('질문 2?')).toBe('ko')
    expect(langOf('ask 2?')).toBeUndefined()
  })
})

describe('questionLang', () => {
  it('prefers the question, then the thread, then leaves it to the locale', () => {
    expect(questionLang('who advanced?', detectLang, 'ko')).toBe('en')
    expect(questionLang('2?', detectLang, 'en')).toBe('en')
    expect(questionLang('2?', detectLang, undefined)).toBeUndefined()
  })
})

describe('langOfLocale', () => {
  it('maps ko* to Korean, any other locale to English and nothing to undefined', () => {
    expect(langOfLocale('ko-KR')).toBe('ko')
    expect(langOfLocale('ko')).toBe('ko')
    expect(langOfLocale('en-US')).toBe('en')
    expect(langOfLocale('ja-JP')).toBe('en')
    expect(langOfLocale('')).toBeUndefined()
    expect(langOfLocale(undefined)).toBeUndefined()
    expect(langOfLocale(42)).toBeUndefined()
  })
})
