import { type ChildProcess, spawn } from 'node:child_process'

/** A JSON log line from the bot (pino). */
export type LogLine = Record<string, unknown> & { msg?: string }

/** The bot (`src/main.ts`, exactly what `npm start` runs) as a child process the test can kill. */
export interface BotProcess {
  child: ChildProcess
  logs: LogLine[]
  /** Resolves with the first log line (already seen or future) matching `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>
  /** Sends a signal and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>
}

export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: LogLine[] = []
  const waiters: { predicate: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = []
  let stderr = ''
  let buffer = ''
  child.stdout!.setEncoding('utf8')
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk
    let nl = buffer.indexOf('\n')
    while (nl >= 0) {
      const text = buffer.slice(0, nl)
      buffer = buffer.slice(nl + 1)
      nl = buffer.indexOf('\n')
      let line: LogLine
      try {
        line = JSON.parse(text) as LogLine
      } catch {
        line = { msg: text }
      }
      logs.push(line)
      for (const w of [...waiters]) {
        if (w.predicate(line)) {
          waiters.splice(waiters.indexOf(w), 1)
          w.resolve(line)
        }
      }
    }
  })
  child.stderr!.on('data', (d) => {
    stderr += d
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  return {
    child,
    logs,
    waitForLog(predicate, timeoutMs = 30_000) {
      const seen = logs.find(predicate)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(
              `no matching log line within ${timeoutMs} ms; exit ${child.exitCode}; stderr: ${stderr.slice(-2000)}; last logs: ${JSON.stringify(logs.slice(-5))}`,
            ),
          )
        }, timeoutMs)
        waiters.push({
          predicate,
          resolve: (line) => {
            clearTimeout(timer)
            resolve(line)
          },
        })
      })
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
