import { describe, expect, it } from 'vitest'
import { createUserLang, type LocaleLookup } from '../../../adapters/slack/user-lang.js'
import { logSink } from './harness.js'

/** A stand-in for users.info: answers from a table and counts the calls per user. */
function lookupFrom(locales: Record<string, string | undefined | Error>) {
  const calls: string[] = []
  const lookup: LocaleLookup = async (userId) => {
    calls.push(userId)
    const locale = locales[userId]
    if (locale instanceof Error) throw locale
    return locale
  }
  return { lookup, calls }
}

describe('createUserLang', () => {
  it('maps the locale and asks Slack once per user while the answer is fresh', async () => {
    const { lookup, calls } = lookupFrom({ UKO: 'ko-KR', UEN: 'en-US' })
    const userLang = createUserLang({ lookup, log: logSink().logger })
    expect(await userLang('UKO')).toBe('ko')
    expect(await userLang('UEN')).toBe('en')
    expect(await userLang('UKO')).toBe('ko')
    expect(calls).toEqual(['UKO', 'UEN'])
  })

  it('asks again once the cached language is older than the ttl', async () => {
    const { lookup, calls } = lookupFrom({ UEN: 'en-US' })
    let clock = 0
    const userLang = createUserLang({ lookup, log: logSink().logger, ttlMs: 1000, now: () => clock })
    await userLang('UEN')
    clock = 999
    await userLang('UEN')
    clock = 1000
    await userLang('UEN')
    expect(calls).toEqual(['UEN', 'UEN'])
  })

  it('forgets the least recently asked user beyond its capacity', async () => {
    const { lookup, calls } = lookupFrom({ U1: 'en-US', U2: 'en-US', U3: 'en-US' })
    const userLang = createUserLang({ lookup, log: logSink().logger, capacity: 2 })
    for (const user of ['U1', 'U2', 'U3', 'U3', 'U1']) await userLang(user)
    expect(calls).toEqual(['U1', 'U2', 'U3', 'U1'])
  })

  it('answers Korean and logs when the lookup fails, and tries again next time', async () => {
    const { logger, sink } = logSink()
    const { lookup, calls } = lookupFrom({ UX: new Error('socket hang up') })
    const userLang = createUserLang({ lookup, log: logger })
    expect(await userLang('UX')).toBe('ko')
    expect(await userLang('UX')).toBe('ko')
    expect(calls).toEqual(['UX', 'UX'])
    expect(sink.lines.find((l) => l.msg?.toString().includes('user locale'))).toMatchObject({
      level: 40,
      user: 'UX',
    })
  })

  it('answers Korean when Slack has no locale for the user', async () => {
    const { lookup } = lookupFrom({ UNONE: undefined })
    expect(await createUserLang({ lookup, log: logSink().logger })('UNONE')).toBe('ko')
  })

  it('answers Korean without waiting for a lookup that hangs, and uses its answer once it lands', async () => {
    let land!: (locale: string) => void
    const calls: string[] = []
    const lookup: LocaleLookup = (userId) => {
      calls.push(userId)
      return new Promise((resolve) => {
        land = resolve
      })
    }
    const userLang = createUserLang({ lookup, log: logSink().logger, timeoutMs: 5 })
    expect(await userLang('USLOW')).toBe('ko')
    land('en-US')
    await expect.poll(() => userLang('USLOW')).toBe('en')
    expect(calls).toEqual(['USLOW'])
  })
})
