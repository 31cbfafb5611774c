import net from 'node:net'

/**
 * Fails any TCP connection to an address outside the loopback range, so no test can reach a real
 * Slack or Discord (or anything else) even by mistake. Installed for every test file by vitest.config.ts.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]'])

export function isLoopback(host: string | undefined): boolean {
  if (!host) return true // net defaults to localhost
  if (LOOPBACK_HOSTS.has(host)) return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || /^::ffff:127\./.test(host)
}

export class NonLoopbackConnectionError extends Error {
  constructor(host: string, port: unknown) {
    super(`test tried to connect to ${host}:${String(port)}; tests may only reach 127.0.0.1`)
    this.name = 'NonLoopbackConnectionError'
  }
}

const originalConnect = net.Socket.prototype.connect

function targetOf(args: unknown[]): { host: string | undefined; port: unknown; path: unknown } {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]
  if (first && typeof first === 'object') {
    const o = first as { host?: string; port?: unknown; path?: unknown }
    return { host: o.host, port: o.port, path: o.path }
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first, path: undefined }
  }
  return { host: undefined, port: undefined, path: first }
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const { host, port, path } = targetOf(args)
  if (path === undefined && !isLoopback(host)) {
    const err = new NonLoopbackConnectionError(String(host), port)
    process.nextTick(() => this.destroy(err))
    return this
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args)
} as typeof net.Socket.prototype.connect
