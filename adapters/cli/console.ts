import { createInterface } from 'node:readline'
import type { Answer, ConversationContext, KaiCore, Lang, Message } from '../../src/core/index.js'
import { renderForTerminal, renderSourceList } from './render.js'

/** Sources shown under an answer; `sources` lists them all. */
const INLINE_SOURCES = 3

/** What the console needs; `changes` comes from the notification service so the console does not know it. */
export interface ConsoleOptions {
  core: KaiCore
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
  /** Recorded result changes since a date (YYYY-MM-DD), as a message; `/changes` is unavailable without it. */
  changes?: (since: string | undefined, lang: Lang) => Message | Promise<Message>
  logger?: { error(obj: object, msg?: string): void }
  /** ANSI colours; by default when the output is a terminal. */
  color?: boolean
  /** Language of command replies until the person asks a question (default ko). */
  lang?: Lang
}

const BANNER: Record<Lang, string[]> = {
  ko: [
    'kai-bot 콘솔 — 독자 AI 파운데이션 모델 프로젝트(K-AI)에 대해 물어보세요. /help 도움말, Ctrl-D로 종료.',
    'Slack·Discord에 연결하려면 .env에 SLACK_BOT_TOKEN과 SLACK_APP_TOKEN(또는 SLACK_SIGNING_SECRET), DISCORD_TOKEN과 DISCORD_APPLICATION_ID를 넣고 다시 npm start 하세요 (README 참고).',
  ],
  en: [
    'kai-bot console — ask about Korea’s Sovereign AI Foundation Model project (K-AI). /help for help, Ctrl-D to leave.',
    'To connect Slack or Discord, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (or SLACK_SIGNING_SECRET), DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env and run npm start again (see README).',
  ],
}

const COMMANDS: Record<Lang, string> = {
  ko: '명령: /help, /results [단계], /team <이름>, /changes [YYYY-MM-DD], /lang ko|en, sources(직전 답의 출처 전체), 번호(추천 질문), Ctrl-D 종료',
  en: 'Commands: /help, /results [phase], /team <name>, /changes [YYYY-MM-DD], /lang ko|en, sources (all sources of the last answer), a number (a suggested question), Ctrl-D to leave',
}

const TEXT = {
  ko: {
    noChanges: '/changes는 알림 기능과 함께 실행할 때(npm start) 쓸 수 있습니다.',
    badPhase: '단계는 0(선정), 1, 2, 3 중 하나입니다. 예: /results 1',
    badDate: '날짜는 YYYY-MM-DD 형식입니다. 예: /changes 2026-01-01',
    teamUsage: '팀 이름을 붙여 주세요. 예: /team 업스테이지',
    unknownCommand: (c: string) => `알 수 없는 명령입니다: ${c}`,
    noSources: '아직 출처를 보여 줄 답이 없습니다. 먼저 질문해 주세요.',
    failed: '죄송합니다. 답을 만드는 중에 문제가 생겼습니다.',
    bye: '안녕히 가세요.',
  },
  en: {
    noChanges: '/changes is available when the console runs with notifications (npm start).',
    badPhase: 'The phase is 0 (selection), 1, 2 or 3, e.g. /results 1',
    badDate: 'Dates are YYYY-MM-DD, e.g. /changes 2026-01-01',
    teamUsage: 'Add a team name, e.g. /team Upstage',
    unknownCommand: (c: string) => `Unknown command: ${c}`,
    noSources: 'No answer with sources yet. Ask a question first.',
    failed: 'Sorry, something went wrong while answering.',
    bye: 'Bye.',
  },
} as const

/** "1", "1차", "phase 2", "2nd" → the phase number; undefined for no argument; null when unreadable. */
export function parsePhase(arg: string): number | undefined | null {
  const a = arg.trim().toLowerCase()
  if (a === '') return undefined
  const m = /^(?:phase|stage|round)?\s*([0-3])\s*(?:차|st|nd|rd|th)?$/.exec(a)
  return m ? Number(m[1]) : null
}

/**
 * The interactive console (like Hubot's shell adapter): a prompt, answers rendered for a terminal,
 * slash commands, follow-up context between questions; resolves when the input ends (Ctrl-D).
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { core, input, output } = options
  const color = options.color ?? Boolean((output as { isTTY?: boolean }).isTTY)
  let lang: Lang = options.lang ?? 'ko'
  let context: ConversationContext = {}
  const write = (s: string) => output.write(`${s}\n`)
  /** The last message shown: `sources` lists its sources, a number asks one of its did-you-mean questions. */
  let last: Message | Answer | undefined
  const show = (m: Message) => {
    last = m
    write(`${renderForTerminal(m, { color, inlineSources: INLINE_SOURCES, didYouMean: true })}\n`)
  }
  const ask = (question: string) => {
    const answer = core.ask(question, { context, fallbackLang: lang })
    lang = answer.lang
    context = answer.context
    show(answer)
  }

  write([...BANNER.ko, ...BANNER.en].join('\n'))
  write('')
  const rl = createInterface({
    input,
    output,
    terminal: Boolean((input as { isTTY?: boolean }).isTTY),
    prompt: 'kai> ',
  })
  rl.prompt()
  for await (const raw of rl) {
    const line = raw.trim()
    try {
      if (line.startsWith('/')) {
        const [command = '', ...rest] = line.split(/\s+/)
        const arg = rest.join(' ')
        const t = TEXT[lang]
        switch (command.toLowerCase()) {
          case '/sources':
            if (last && last.blocks.sources.length > 0) write(`${renderSourceList(last, { color })}\n`)
            else write(t.noSources)
            break
          case '/help':
            show(core.help(arg === 'en' || arg === 'ko' ? arg : lang))
            write(COMMANDS[lang])
            break
          case '/results': {
            const phase = parsePhase(arg)
            if (phase === null) write(t.badPhase)
            else show(core.results(phase, lang))
            break
          }
          case '/team': {
            if (!arg) {
              write(t.teamUsage)
              break
            }
            const answer = core.team(arg, lang)
            if (answer.context.teamId) context = { teamId: answer.context.teamId }
            show(answer)
            break
          }
          case '/changes':
            if (!options.changes) write(t.noChanges)
            else if (arg && !/^\d{4}-\d{2}-\d{2}$/.test(arg)) write(t.badDate)
            else show(await options.changes(arg || undefined, lang))
            break
          case '/lang':
            if (arg === 'ko' || arg === 'en') lang = arg
            write(`lang: ${lang}`)
            break
          case '/quit':
          case '/exit':
            rl.close()
            break
          default:
            write(t.unknownCommand(command))
            write(COMMANDS[lang])
        }
      } else if (/^(sources|출처)$/i.test(line)) {
        if (last && last.blocks.sources.length > 0) write(`${renderSourceList(last, { color })}\n`)
        else write(TEXT[lang].noSources)
      } else if (/^[1-9]$/.test(line) && last && 'didYouMean' in last && last.didYouMean[Number(line) - 1]) {
        const question = last.didYouMean[Number(line) - 1]!
        write(`kai> ${question}`)
        ask(question)
      } else if (line !== '') {
        ask(line)
      }
    } catch (err) {
      options.logger?.error({ err }, 'console command failed')
      write(TEXT[lang].failed)
    }
    rl.prompt()
  }
  write('')
  write(TEXT[lang].bye)
}
