import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { isLoopback } from './helpers/loopback-guard.js'

describe('loopback guard', () => {
  it('refuses a connection to a non-loopback address', async () => {
    const err = await new Promise<Error>((resolve) => {
      const s = net.connect({ host: '192.0.2.1', port: 443 })
      s.on('error', resolve)
    })
    expect(err.name).toBe('NonLoopbackConnectionError')
    expect(err.message).toContain('192.0.2.1:443')
  })

  it('allows connections to 127.0.0.1', async () => {
    const server = net.createServer((c) => c.end('ok'))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as net.AddressInfo).port
    const data = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port })
      s.on('data', (d) => resolve(d.toString()))
      s.on('error', reject)
    })
    server.close()
    expect(data).toBe('ok')
  })

  it('treats only the loopback range as loopback', () => {
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('127.4.5.6')).toBe(true)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('localhost')).toBe(true)
    expect(isLoopback('10.0.0.1')).toBe(false)
    expect(isLoopback('slack.com')).toBe(false)
  })
})
