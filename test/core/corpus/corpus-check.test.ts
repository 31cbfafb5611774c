import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)

/** Runs `npm run corpus:check`'s script directly (npm adds nothing we need to test). */
async function corpusCheck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/corpus-check.ts', ...args], {
      timeout: 60_000,
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('corpus:check', () => {
  it('prints the counts and exits 0 when the corpus is valid', async () => {
    const { code, stdout } = await corpusCheck('test/fixtures/corpus')
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^test\/fixtures\/corpus: ok — 14 sources, 8 events, 5 teams, 2 people, 3 quotes, 3 terms, 7 facts, 1 conflicts, 2 documents \(loaded in \d+ ms\)\n$/,
    )
  })

  it('prints each problem on its own line and exits 1 when the corpus is broken', async () => {
    const { code, stdout, stderr } = await corpusCheck('test/fixtures/broken/unknown-team')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.split('\n')).toEqual([
      "test/fixtures/broken/unknown-team/timeline.yaml:88 events[4].outcomes[0].team: unknown team 'naver-clould' — did you mean 'naver-cloud'?",
      'test/fixtures/broken/unknown-team: 1 problem(s) — fix them and run npm run corpus:check again',
      '',
    ])
  })

  it('says so and exits 1 when the directory does not exist', async () => {
    const { code, stderr } = await corpusCheck('test/fixtures/no-such-corpus')
    expect(code).toBe(1)
    expect(stderr).toBe(
      'test/fixtures/no-such-corpus: no such directory — pass the corpus directory or set CORPUS_DIR\n',
    )
  })

  it("rejects an absolute path in the corpus's README when the YAML and documents are clean", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-corpus-check-'))
    try {
      cpSync('test/fixtures/corpus', dir, { recursive: true })
      writeFileSync(
        join(dir, 'README.md'),
        '# Corpus\n\nFacts come from /home/dev/shared/sources/facts.md.\n',
      )
      const { code, stderr } = await corpusCheck(dir)
      expect(code).toBe(1)
      expect(stderr.split('\n')).toEqual([
        `${dir}/README.md:3: absolute path '/home/dev/shared/sources/facts.md' — name files relative to the repository (the shared folder is ../shared/)`,
        `${dir}: 1 problem(s) — fix them and run npm run corpus:check again`,
        '',
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
