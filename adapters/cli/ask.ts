/**
 * `npm run ask -- "질문"` prints an answer for a person; `--json` prints one JSON object;
 * `--jsonl` reads one question per line from stdin and writes exactly one JSON object per line, in order.
 * `--lang ko|en` forces the answer language.
 */
import { createInterface } from 'node:readline'
import type { KaiCore, Lang } from '../../src/core/index.js'
import { describeStartupError, loadCliCore } from './load-core.js'
import { answerToJson, renderForTerminal } from './render.js'

interface Args {
  mode: 'text' | 'json' | 'jsonl'
  lang?: Lang
  question: string
}

function parseArgs(argv: string[]): Args {
  let mode: Args['mode'] = 'text'
  let lang: Lang | undefined
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--json') mode = 'json'
    else if (a === '--jsonl') mode = 'jsonl'
    else if (a === '--lang' && (argv[i + 1] === 'ko' || argv[i + 1] === 'en')) lang = argv[++i] as Lang
    else words.push(a)
  }
  return { mode, question: words.join(' '), ...(lang && { lang }) }
}

/** Answers stdin line by line; a line the core cannot use still gets its JSON object (answered: false). */
export async function answerLines(
  core: KaiCore,
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  lang?: Lang,
) {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  for await (const raw of rl) {
    const question = raw.replace(/\r$/, '')
    let json: Record<string, unknown>
    try {
      json = answerToJson(core.ask(question, lang ? { lang } : {}))
    } catch (err) {
      // The core never throws for bad input; this is a last guard so one line can never end the run.
      json = {
        question,
        lang: lang ?? 'ko',
        intent: 'unknown',
        answered: false,
        text: String(err),
        sources: [],
      }
    }
    write(JSON.stringify(json))
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  let core: KaiCore
  try {
    ;({ core } = await loadCliCore(process.env))
  } catch (err) {
    process.stderr.write(`${describeStartupError(err)}\n`)
    return 1
  }
  if (args.mode === 'jsonl') {
    await answerLines(core, process.stdin, (line) => process.stdout.write(`${line}\n`), args.lang)
    return 0
  }
  if (args.question.trim() === '' && args.mode === 'text') {
    process.stderr.write('usage: npm run ask -- "질문" [--json | --jsonl] [--lang ko|en]\n')
    return 2
  }
  const answer = core.ask(args.question, args.lang ? { lang: args.lang } : {})
  if (args.mode === 'json') process.stdout.write(`${JSON.stringify(answerToJson(answer))}\n`)
  else process.stdout.write(`${renderForTerminal(answer, { color: process.stdout.isTTY })}\n`)
  return 0
}

process.exitCode = await main()
