import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, scrubSecrets } from '../src/logger.js'

function sink() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      cb()
    },
  })
  return { lines, stream }
}

describe('createLogger', () => {
  it('writes one JSON object per line by default', () => {
    const { lines, stream } = sink()
    const log = createLogger({ level: 'info', format: 'auto', destination: stream })
    log.info({ channel: 'slack:C1' }, 'answered')
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'answered', channel: 'slack:C1' })
  })

  it('never writes a configured token, whether as a field, in a message or inside an error', () => {
    const token = 'xoxb-123456789-abcdefghijkl'
    const discordToken = 'MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB'
    const { lines, stream } = sink()
    const log = createLogger({
      level: 'info',
      format: 'json',
      destination: stream,
      secrets: [token, 'my-signing-secret'],
    })
    log.info({ token, config: { botToken: token } }, 'starting')
    log.warn(`connecting with ${token} and ${discordToken}`)
    log.error({ err: new Error(`auth failed for my-signing-secret / ${token}`) }, 'failed')
    const all = lines.join('\n')
    expect(lines).toHaveLength(3)
    expect(all).not.toContain(token)
    expect(all).not.toContain(discordToken)
    expect(all).not.toContain('my-signing-secret')
    expect(all).toContain('[redacted]')
  })
})

describe('scrubSecrets', () => {
  it('redacts Slack app tokens that were never configured', () => {
    expect(scrubSecrets('token xapp-1-A0-123-abc end')).toBe('token [redacted] end')
  })
})
