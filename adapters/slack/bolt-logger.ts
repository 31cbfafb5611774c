import { type Logger as BoltLogger, LogLevel } from '@slack/bolt'
import type { Logger } from 'pino'

/** Bolt and the Slack SDK log through this, so their lines land in our pino output (with its redaction). */
export function boltLoggerFrom(log: Logger): BoltLogger {
  let name = 'bolt'
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msgs: unknown[]) => {
      log[level]({ component: name }, msgs.map((m) => (m instanceof Error ? m.message : String(m))).join(' '))
    }
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: () => {
      // The level is ours (LOG_LEVEL); Bolt calling setLevel must not change it.
    },
    getLevel: () => {
      const level = log.level
      if (level === 'trace' || level === 'debug') return LogLevel.DEBUG
      if (level === 'info') return LogLevel.INFO
      if (level === 'warn') return LogLevel.WARN
      return LogLevel.ERROR
    },
    setName: (n: string) => {
      name = n
    },
  }
}
