import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { createNotifications, loadCorpusSync } from '../../src/core/index.js'
import { openSqliteStore, storePath } from '../../src/store/sqlite-store.js'
import { copyCorpus, editTimeline, publishPhase2 } from './corpus-edits.js'

const run = promisify(execFile)
const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function preview(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/notify-preview.ts'], {
      env: { PATH: process.env.PATH ?? '', ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A DATA_DIR whose store holds the baseline of the unedited corpus and one subscribed channel. */
async function baselined(corpusDir: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kai-preview-'))
  dirs.push(dataDir)
  const store = openSqliteStore({ path: storePath(dataDir) })
  const n = createNotifications({
    store,
    sinks: [],
    logger: pino({ level: 'silent' }),
    clock: { now: () => new Date('2026-03-01T00:00:00Z') },
    config: {
      slackChannels: [{ channelId: 'C0PREVIEW', lang: 'ko' }],
      discordChannels: [],
      announceCurrent: false,
    },
  })
  const loaded = loadCorpusSync(corpusDir)
  if (!loaded.ok) throw new Error('fixture corpus invalid')
  await n.onCorpus(loaded.corpus)
  await store.close()
  return dataDir
}

describe('npm run notify:preview', () => {
  it('prints the change, its messages in both languages and its channels without writing the store', async () => {
    const corpusDir = copyCorpus()
    dirs.push(corpusDir)
    const dataDir = await baselined(corpusDir)
    editTimeline(corpusDir, publishPhase2)
    const before = readFileSync(storePath(dataDir))

    const out = await preview({
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
    })

    expect(out.code).toBe(0)
    expect(out.stdout).toContain('1 change(s) to announce, oldest first:')
    expect(out.stdout).toMatch(
      /\[1\] results:[0-9a-f]{20} \(results, 2026-08-07; teams: lg-ai-research, motif, skt, upstage\)/,
    )
    expect(out.stdout).toContain(
      '  ko: 📢 2차 평가 결과 발표 (2026-08-07, Asia Economy (English)) — 진출: LG AI연구원, SK텔레콤, 업스테이지 · 탈락: 모티프테크놀로지스',
    )
    expect(out.stdout).toContain('  en: 📢 Phase-2 evaluation results announced')
    expect(out.stdout).toContain('  → slack:C0PREVIEW (ko)')
    expect(readFileSync(storePath(dataDir)).equals(before)).toBe(true)
  })

  it('says the first start announces nothing when there is no store yet', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kai-preview-'))
    dirs.push(dataDir)
    const out = await preview({ CORPUS_DIR: 'test/fixtures/corpus', DATA_DIR: dataDir })
    expect(out.stdout).toContain('the first start records it silently and announces nothing')
    expect(out.stdout).toContain('no changes to announce')
  })

  it('exits 1 with file:line issues when the corpus is invalid', async () => {
    const out = await preview({ CORPUS_DIR: 'test/fixtures/broken/unknown-team', DATA_DIR: tmpdir() })
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/timeline\.yaml:\d+ events\[\d+\]\.outcomes\[\d+\]\.team: unknown team/)
  })
})
