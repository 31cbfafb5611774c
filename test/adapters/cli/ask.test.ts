import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

describe('npm run ask', () => {
  it('keeps every source in --json, where chat shows only three', async () => {
    const { code, stdout } = await runCli('adapters/cli/ask.ts', ['--json', '프로그램 일정은?'], '')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.sources.length).toBeGreaterThan(3)
    expect(out.sources.every((s: { title?: string }) => typeof s.title === 'string')).toBe(true)
  })

  it('writes exactly one JSON object per input line, in order, including empty, blank and huge lines', async () => {
    const lines = [
      '1차 평가 결과 알려줘',
      '',
      '   ',
      'x'.repeat(5000),
      'Why was Naver Cloud eliminated?',
      '오늘 날씨 어때?',
      '\t \t',
      '가'.repeat(5000),
    ]
    const { code, stdout } = await runCli('adapters/cli/ask.ts', ['--jsonl'], `${lines.join('\n')}\n`)
    expect(code).toBe(0)
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out).toHaveLength(lines.length)
    expect(out.map((o) => o.question)).toEqual(lines)
    for (const o of out) {
      expect(typeof o.text).toBe('string')
      expect(typeof o.answered).toBe('boolean')
      expect(['ko', 'en']).toContain(o.lang)
      expect(Array.isArray(o.sources)).toBe(true)
    }
    expect(out[0]).toMatchObject({ intent: 'results', answered: true, lang: 'ko' })
    expect(out[0].sources[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), title: expect.any(String), url: expect.any(String) }),
    )
    expect(out[1]).toMatchObject({ intent: 'invalid', answered: false })
    expect(out[2]).toMatchObject({ intent: 'invalid', answered: false })
    expect(out[3]).toMatchObject({ intent: 'invalid', answered: false })
    expect(out[4]).toMatchObject({ intent: 'why', answered: true, lang: 'en' })
    expect(out[5]).toMatchObject({ intent: 'out-of-scope', answered: false })
    expect(out[6]).toMatchObject({ intent: 'invalid', answered: false })
    expect(out[7]).toMatchObject({ intent: 'invalid', answered: false, lang: 'ko' })
  })

  it('answers a last line that has no newline', async () => {
    const { stdout } = await runCli(
      'adapters/cli/ask.ts',
      ['--jsonl'],
      '정예팀이 뭐야?\r\n업스테이지 모델은?',
    )
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out.map((o) => o.question)).toEqual(['정예팀이 뭐야?', '업스테이지 모델은?'])
  })

  it('prints one JSON object with --json and a readable answer by default', async () => {
    const json = await runCli('adapters/cli/ask.ts', ['--json', '엘지 모델은?'], '')
    expect(JSON.parse(json.stdout)).toMatchObject({ intent: 'team', answered: true })
    const text = await runCli('adapters/cli/ask.ts', ['엘지 모델은?'], '')
    expect(text.stdout).toContain('LG AI연구원의 모델은 K-EXAONE입니다.')
    expect(text.stdout).toContain('출처:')
  })

  it('exits 1 with file:line errors when the corpus is broken', async () => {
    const { spawnSync } = await import('node:child_process')
    const r = spawnSync('node_modules/.bin/tsx', ['adapters/cli/ask.ts', '질문'], {
      env: { PATH: process.env.PATH, CORPUS_DIR: 'no/such/dir', DATA_DIR: 'data' },
      encoding: 'utf8',
    })
    expect(r.status).toBe(1)
    expect(r.stderr.length).toBeGreaterThan(0)
  })
})
