import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Runs a CLI entry with tsx as a real process on the fixture corpus, feeding `stdin` and collecting output. */
export function runCli(
  entry: string,
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kai-cli-'))
  const child = spawn(join('node_modules', '.bin', 'tsx'), [entry, ...args], {
    env: {
      PATH: process.env.PATH,
      CORPUS_DIR: 'test/fixtures/corpus',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      CORPUS_WATCH: 'false',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  child.stdin.end(stdin)
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}
