import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type Corpus,
  type CorpusIssue,
  type CorpusWatch,
  formatCorpusIssue,
  loadCorpusOrThrow,
  watchCorpus,
} from '../../../src/core/index.js'

type Seen = { kind: 'load'; corpus: Corpus } | { kind: 'error'; issues: CorpusIssue[] }

/** Collects the watcher's callbacks so a test can await the next one instead of sleeping. */
function recorder() {
  const seen: Seen[] = []
  let wake: (() => void) | undefined
  const push = (s: Seen) => {
    seen.push(s)
    wake?.()
  }
  return {
    onLoad: (corpus: Corpus) => push({ kind: 'load', corpus }),
    onError: (issues: CorpusIssue[]) => push({ kind: 'error', issues }),
    seen,
    /**
     * Runs `write` and waits for the next callback. fs.watch may still be setting up when a test first
     * writes, so the write is repeated if nothing arrives; repeating the same bytes is harmless because
     * the watcher ignores files whose hash it has already seen.
     */
    async next(write: () => void): Promise<Seen> {
      const start = seen.length
      for (let attempt = 0; attempt < 8 && seen.length === start; attempt++) {
        write()
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1500)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
      wake = undefined
      if (seen.length === start) throw new Error('the watcher reported nothing')
      return seen[start]!
    },
  }
}

const temps: string[] = []
let watch: CorpusWatch | undefined

afterEach(() => {
  watch?.close()
  watch = undefined
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function replaceIn(dir: string, file: string, from: string, to: string): () => void {
  const path = join(dir, file)
  const text = readFileSync(path, 'utf8').replace(from, to)
  return () => writeFileSync(path, text)
}

describe('watchCorpus', () => {
  it('reloads after a valid edit, reports a broken edit with file:line, and reloads once it is fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-watch-'))
    temps.push(dir)
    cpSync('test/fixtures/corpus', dir, { recursive: true })
    const initial = await loadCorpusOrThrow(dir)
    const rec = recorder()
    watch = watchCorpus(dir, {
      onLoad: rec.onLoad,
      onError: rec.onError,
      debounceMs: 50,
      currentHash: initial.hash,
    })

    const loaded = await rec.next(replaceIn(dir, 'glossary.yaml', '정예 팀', '정예 팀, 국가대표 정예팀'))
    expect(loaded.kind).toBe('load')
    if (loaded.kind !== 'load') return
    expect(loaded.corpus.hash).not.toBe(initial.hash)
    expect(loaded.corpus.terms[0]!.aliases).toContain('국가대표 정예팀')

    const broken = await rec.next(
      replaceIn(
        dir,
        'teams.yaml',
        '    lead: { ko: 네이버클라우드, en: Naver Cloud }\n    role: elite',
        '    lead: { ko: 네이버클라우드, en: Naver Cloud }\n    role: eilte',
      ),
    )
    expect(broken.kind).toBe('error')
    if (broken.kind !== 'error') return
    expect(broken.issues.map(formatCorpusIssue)).toEqual([
      `${dir}/teams.yaml:80 teams[3].role: 'eilte' is not one of elite, applicant — did you mean 'elite'?`,
    ])

    const fixed = await rec.next(replaceIn(dir, 'teams.yaml', 'role: eilte', 'role: elite'))
    expect(fixed.kind).toBe('load')
    if (fixed.kind !== 'load') return
    // Reason: the fix restores the corpus of the first reload; after an error it is reported again.
    expect(fixed.corpus.hash).toBe(loaded.corpus.hash)
    expect(rec.seen.map((s) => s.kind)).toEqual(['load', 'error', 'load'])
  })

  it('reloads when a document in documents/ changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-watch-'))
    temps.push(dir)
    cpSync('test/fixtures/corpus', dir, { recursive: true })
    const rec = recorder()
    const initial = await loadCorpusOrThrow(dir)
    watch = watchCorpus(dir, {
      onLoad: rec.onLoad,
      onError: rec.onError,
      debounceMs: 50,
      currentHash: initial.hash,
    })

    const seen = await rec.next(
      replaceIn(dir, 'documents/phase1-debate.md', '두 팀이 떨어졌다.', '두 팀이 탈락했다.'),
    )
    expect(seen.kind).toBe('load')
    if (seen.kind !== 'load') return
    expect(seen.corpus.documents.find((d) => d.id === 'phase1-debate')!.paragraphs[0]).toContain(
      '두 팀이 탈락했다.',
    )
  })

  it('catches an edit made before the watch started, by looking once at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-watch-'))
    temps.push(dir)
    cpSync('test/fixtures/corpus', dir, { recursive: true })
    const initial = await loadCorpusOrThrow(dir)
    replaceIn(dir, 'glossary.yaml', '정예 팀', '정예 팀, 국가대표 정예팀')()
    const rec = recorder()
    const seen = await rec.next(() => {
      watch ??= watchCorpus(dir, {
        onLoad: rec.onLoad,
        onError: rec.onError,
        debounceMs: 50,
        currentHash: initial.hash,
      })
    })
    expect(seen.kind).toBe('load')
    expect(rec.seen).toHaveLength(1)
  })
})
