import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `npm start`'s entry point as a real process with a clean environment. */
function runMain(env: Record<string, string>, stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: mkdtempSync(join(tmpdir(), 'kai-main-')), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

describe('npm start', () => {
  it('opens the console when no platform token is set, answers, and leaves cleanly at end of input', async () => {
    const run = await runMain(
      { CORPUS_DIR: 'test/fixtures/corpus', CORPUS_WATCH: 'false' },
      '1차 평가에서 누가 탈락했어?\n/help\n',
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('SLACK_BOT_TOKEN')
    expect(run.stdout).toContain('DISCORD_TOKEN')
    expect(run.stdout).toContain('네이버클라우드')
    expect(run.stderr).toBe('')
  })

  it('exits 1 with one line per bad variable and no stack trace when the configuration is invalid', async () => {
    const run = await runMain({ SLACK_BOT_TOKEN: 'xoxp-wrong', SLACK_SIGNING_SECRET: 's', PORT: 'http' }, '')
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      [
        'kai-bot: the configuration is not valid:',
        "  SLACK_BOT_TOKEN: must start with 'xoxb-' (the Bot User OAuth Token from OAuth & Permissions)",
        "  PORT: must be a whole number from 0 to 65535, got 'http'",
        '',
      ].join('\n'),
    )
    expect(run.stdout).toBe('')
  })

  it('exits 1 naming the file and line when the corpus is invalid', async () => {
    const run = await runMain({ CORPUS_DIR: 'test/fixtures/broken/unknown-team' }, '')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('kai-bot: the corpus is not valid:')
    expect(run.stderr).toMatch(
      /test\/fixtures\/broken\/unknown-team\/timeline\.yaml:\d+ events\[\d+\]\.outcomes\[\d+\]\.team: unknown team/,
    )
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
