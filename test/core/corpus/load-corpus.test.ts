import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  CorpusError,
  formatCorpusIssue,
  loadCorpus,
  loadCorpusOrThrow,
  loadCorpusSync,
} from '../../../src/core/index.js'

const FIXTURE = 'test/fixtures/corpus'
const temps: string[] = []

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kai-corpus-'))
  temps.push(dir)
  cpSync(FIXTURE, dir, { recursive: true })
  return dir
}

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file)
  const text = readFileSync(path, 'utf8')
  if (!text.includes(from)) throw new Error(`fixture text not found in ${file}: ${from}`)
  writeFileSync(path, text.replace(from, to))
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('loadCorpus', () => {
  it('loads every kind of entity when the fixture corpus is valid', async () => {
    const result = await loadCorpus(FIXTURE)
    if (!result.ok) throw new Error(result.issues.map(formatCorpusIssue).join('\n'))
    const c = result.corpus
    expect(c.dir).toBe(FIXTURE)
    expect(c.program.id).toBe('sovereign-ai-foundation-model')
    expect(c.organizations.map((o) => o.id)).toEqual(['msit', 'nipa', 'nia'])
    expect(c.sources).toHaveLength(14)
    expect(c.teams.map((t) => t.id)).toEqual(['lg-ai-research', 'skt', 'upstage', 'naver-cloud', 'motif'])
    expect(c.events).toHaveLength(8)
    expect(c.people.flatMap((p) => p.quotes)).toHaveLength(3)
    expect(c.terms.map((t) => t.id)).toEqual(['elite-team', 'originality', 'moe'])
    expect(c.conflicts.map((x) => x.id)).toEqual(['final-two-timing'])
    expect(c.documents.map((d) => d.file)).toEqual([
      'documents/originality-disputes.md',
      'documents/phase1-debate.md',
    ])
  })

  it('gathers facts from the program, teams, models and events when it loads', async () => {
    const corpus = await loadCorpusOrThrow(FIXTURE)
    expect(corpus.facts.map((f) => f.id).sort()).toEqual(
      [
        'lg-goal',
        'motif-parent',
        'phase1-scoring',
        'program-goal-95',
        'program-structure',
        'solar-open-dispute',
        'upstage-only-startup',
      ].sort(),
    )
  })

  it('applies schema defaults when optional fields are left out', async () => {
    const corpus = await loadCorpusOrThrow(FIXTURE)
    const call = corpus.events.find((e) => e.id === 'call-2025')!
    // Reason: call-2025 sets neither status, certainty, outcomes nor facts.
    expect(call.status).toBe('happened')
    expect(call.certainty).toBe('confirmed')
    expect(call.outcomes).toEqual([])
    expect(corpus.teams.find((t) => t.id === 'skt')!.facts).toEqual([])
    expect(corpus.people[0]!.quotes[0]!.paraphrase).toBe(false)
  })

  it('splits a document into paragraphs with each heading merged into the paragraph below it', async () => {
    const corpus = await loadCorpusOrThrow(FIXTURE)
    const doc = corpus.documents.find((d) => d.id === 'phase1-debate')!
    expect(doc.language).toBe('ko')
    expect(doc.teams).toEqual(['naver-cloud', 'upstage'])
    expect(doc.paragraphs).toEqual([
      '1차 평가 이후의 논쟁\n과기정통부는 2026년 1월 15일 1차 평가 결과를 발표하며 네이버클라우드를 독자성 기준으로 탈락시켰다. 원래 계획은 한 팀만 줄이는 것이었지만 두 팀이 떨어졌다.',
      '추가 공모\n정부는 한 팀을 더 뽑는 추가 공모를 열었고, 네이버클라우드는 참여하지 않겠다고 밝혔다.',
    ])
    expect(doc.body.startsWith('# 1차 평가 이후의 논쟁')).toBe(true)
  })

  it('gives the same corpus and hash when loaded synchronously', async () => {
    const asyncResult = await loadCorpus(FIXTURE)
    const syncResult = loadCorpusSync(FIXTURE)
    expect(syncResult).toEqual(asyncResult)
  })

  it('changes the hash when any file changes, a document included', async () => {
    const dir = copyFixture()
    const before = await loadCorpusOrThrow(dir)
    expect(before.hash).toMatch(/^[0-9a-f]{64}$/)
    expect((await loadCorpusOrThrow(dir)).hash).toBe(before.hash)
    edit(dir, 'documents/phase1-debate.md', '두 팀이 떨어졌다.', '두 팀이 탈락했다.')
    expect((await loadCorpusOrThrow(dir)).hash).not.toBe(before.hash)
  })

  it('reports every problem in every file, sorted by file and line, when several things are broken', async () => {
    const dir = copyFixture()
    edit(
      dir,
      'timeline.yaml',
      '      - { team: naver-cloud, result: declined }',
      '      - { team: navercloud, result: declined }',
    )
    edit(
      dir,
      'teams.yaml',
      '    role: elite\n    models:\n      - id: ax-k1',
      '    role: elit\n    models:\n      - id: ax-k1',
    )
    edit(dir, 'glossary.yaml', '  - id: moe', '  - id: Moe')
    const result = await loadCorpus(dir)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map(formatCorpusIssue)).toEqual([
      `${dir}/glossary.yaml:17 terms[2].id: ids are lowercase letters, digits and dashes, e.g. lg-ai-research (got 'Moe')`,
      `${dir}/teams.yaml:35 teams[1].role: 'elit' is not one of elite, applicant — did you mean 'elite'?`,
      `${dir}/timeline.yaml:88 events[4].outcomes[0].team: unknown team 'navercloud' — did you mean 'naver-cloud'?`,
    ])
  })

  it('names each missing file once when the directory is empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kai-empty-'))
    temps.push(dir)
    const result = await loadCorpus(dir)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => i.file)).toEqual(
      ['glossary', 'people', 'program', 'sources', 'teams', 'timeline'].map((f) => `${dir}/${f}.yaml`),
    )
  })

  it('throws a CorpusError carrying every issue when loadCorpusOrThrow meets a broken corpus', async () => {
    const dir = 'test/fixtures/broken/unknown-team'
    const error = await loadCorpusOrThrow(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CorpusError)
    expect((error as CorpusError).code).toBe('CORPUS_INVALID')
    expect((error as CorpusError).issues).toHaveLength(1)
    expect((error as CorpusError).message).toBe(
      `${dir}/timeline.yaml:88 events[4].outcomes[0].team: unknown team 'naver-clould' — did you mean 'naver-cloud'?`,
    )
  })

  it('points at the line of the front matter field when a document has a bad field', async () => {
    const dir = copyFixture()
    edit(dir, 'documents/originality-disputes.md', "date: '2026-01-08'", "date: 'January 2026'")
    const result = await loadCorpus(dir)
    expect(result.ok ? [] : result.issues.map(formatCorpusIssue)).toEqual([
      `${dir}/documents/originality-disputes.md:4 date: dates are YYYY-MM-DD, YYYY-MM or YYYY (got 'January 2026')`,
    ])
  })

  it('reports a document without text when only front matter is left', async () => {
    const dir = copyFixture()
    const path = join(dir, 'documents/phase1-debate.md')
    const text = readFileSync(path, 'utf8')
    writeFileSync(path, text.slice(0, text.indexOf('# 1차')))
    const result = await loadCorpus(dir)
    expect(result.ok ? [] : result.issues.map(formatCorpusIssue)).toEqual([
      `${dir}/documents/phase1-debate.md:11: the document has no text — write at least one paragraph after the front matter`,
    ])
  })

  it('accepts an alias when it only repeats a name of the same entity', async () => {
    const dir = copyFixture()
    // Reason: '엘지' and 'LG AI 연구원' normalize like the team's own names; repeats within one entity are harmless.
    edit(
      dir,
      'teams.yaml',
      'aliases: [엘지, LG, LG AI 연구원',
      'aliases: [엘지, LG, LG AI 연구원, lg ai연구원',
    )
    expect((await loadCorpus(dir)).ok).toBe(true)
  })
})
