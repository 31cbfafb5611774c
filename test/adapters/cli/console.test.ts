import { PassThrough } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePhase, runConsole } from '../../../adapters/cli/console.js'
import { createKaiCore, type KaiCore, loadCorpusOrThrow, type Message } from '../../../src/core/index.js'
import { offerSuggestionsOnAbstain } from '../../helpers/did-you-mean.js'
import { runCli } from './run-cli.js'

/** Runs the console over `lines` and returns everything it printed. */
async function converse(core: KaiCore, lines: string[]): Promise<string> {
  const input = new PassThrough()
  const output = new PassThrough()
  let text = ''
  output.on('data', (d) => {
    text += String(d)
  })
  const done = runConsole({ core, input, output })
  input.end(`${lines.join('\n')}\n`)
  await done
  return text
}

describe('console process (tsx adapters/cli/console-main.ts)', () => {
  it('greets, answers questions and commands, follows up, and leaves on end of input', async () => {
    const input = [
      '누가 탈락했어?',
      '업스테이지 알려줘',
      '그 팀 모델은?',
      '/results 1',
      '/team 엘지',
      '/help',
      '/changes',
      '/results 9',
    ].join('\n')
    const { code, stdout } = await runCli('adapters/cli/console-main.ts', [], `${input}\n`)
    expect(code).toBe(0)
    expect(stdout).toContain('SLACK_BOT_TOKEN')
    expect(stdout).toContain('DISCORD_TOKEN')
    expect(stdout).toContain('kai> ')
    expect(stdout).toContain('네이버클라우드가 탈락했습니다')
    expect(stdout).toContain('업스테이지의 모델은 Solar Open 100B입니다.')
    expect(stdout).toContain('▌ 1차 평가 결과')
    expect(stdout).toContain('LG AI연구원의 모델은 K-EXAONE입니다.')
    expect(stdout).toContain('/team <이름>')
    expect(stdout).toContain('/changes는 알림 기능과 함께')
    expect(stdout).toContain('단계는 0(선정), 1, 2, 3 중 하나입니다')
    expect(stdout).toContain('출처:')
    expect(stdout).toContain('기준일: 2026-01-15')
    expect(stdout.trimEnd().endsWith('안녕히 가세요.')).toBe(true)
  })
})

describe('runConsole', () => {
  let core: KaiCore
  beforeAll(async () => {
    core = createKaiCore(await loadCorpusOrThrow('test/fixtures/corpus'))
  })

  it('calls the changes provider with the date and the current language', async () => {
    const input = new PassThrough()
    const output = new PassThrough()
    let text = ''
    output.on('data', (d) => {
      text += String(d)
    })
    const calls: unknown[] = []
    const changes = (since: string | undefined, lang: 'ko' | 'en'): Message => {
      calls.push([since, lang])
      return {
        lang,
        text: 'no changes',
        blocks: {
          title: 'Changes',
          paragraphs: ['No changes recorded.'],
          fields: [],
          sources: [],
          asOf: null,
          conflict: false,
        },
      }
    }
    const done = runConsole({ core, input, output, changes })
    input.end('What is an elite team?\n/changes 2026-01-01\n/changes yesterday\n')
    await done
    expect(calls).toEqual([['2026-01-01', 'en']])
    expect(text).toContain('No changes recorded.')
    expect(text).toContain('Dates are YYYY-MM-DD')
  })
})

describe('runConsole did-you-mean and sources', () => {
  it('numbers the did-you-mean questions and asks the one whose number is typed', async () => {
    const core = createKaiCore(await loadCorpusOrThrow('test/fixtures/corpus'))
    offerSuggestionsOnAbstain(core)
    const offered = core.ask('매출은?').didYouMean
    expect(offered.length).toBeGreaterThan(1)
    const expected = core.ask(offered[1]!)
    expect(expected.answered).toBe(true)
    const text = await converse(core, ['매출은?', '2'])
    expect(text).toContain('혹시 이런 질문이었나요? 번호를 입력하면 물어봅니다:')
    expect(text).toContain(`  1) ${offered[0]}`)
    expect(text).toContain(`  2) ${offered[1]}`)
    const after = text.slice(text.indexOf(`kai> ${offered[1]}`))
    expect(after).toContain(`▌ ${expected.blocks.title}`)
    expect(after).toContain(expected.blocks.paragraphs[0])
  })

  it('treats a number as a question when the last answer offered none', async () => {
    const core = createKaiCore(await loadCorpusOrThrow('test/fixtures/corpus'))
    const text = await converse(core, ['1차 결과는?', '2'])
    expect(text).not.toContain('kai> 2차')
    expect(text.split('▌').length - 1).toBe(2)
  })

  it('shows three sources with "+N more" and lists them all when sources is typed', async () => {
    const core = createKaiCore(await loadCorpusOrThrow('test/fixtures/corpus'))
    const all = core.ask('프로그램 일정은?').sources
    expect(all.length).toBeGreaterThan(3)
    const before = await converse(core, ['sources', '프로그램 일정은?'])
    expect(before).toContain('아직 출처를 보여 줄 답이 없습니다')
    expect(before).toContain(`  [3] ${all[2]!.title}`)
    expect(before).not.toContain(`  [4] ${all[3]!.title}`)
    expect(before).toContain(`외 ${all.length - 3}건 (전체를 보려면 sources 입력)`)
    const listed = await converse(core, ['프로그램 일정은?', 'sources'])
    for (const [i, s] of all.entries()) expect(listed).toContain(`  [${i + 1}] ${s.title}`)
  })
})

describe('parsePhase', () => {
  it.each([
    ['', undefined],
    ['1', 1],
    ['2차', 2],
    ['phase 0', 0],
    ['3rd', 3],
    ['9', null],
    ['abc', null],
  ] as const)('reads %j as %s', (arg, phase) => {
    expect(parsePhase(arg)).toBe(phase)
  })
})
