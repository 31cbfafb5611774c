import { z } from 'zod'

/** What `/kai <text>` asks for, parsed from the text Slack sends. */
export type KaiCommand =
  | { kind: 'ask'; question: string }
  | { kind: 'results'; phase: number | undefined }
  | { kind: 'team'; name: string }
  | { kind: 'changes'; since: string | undefined }
  | { kind: 'subscribe'; team: string | undefined }
  | { kind: 'unsubscribe'; team: string | undefined }
  | { kind: 'subscriptions' }
  | { kind: 'help' }
  | { kind: 'invalid'; problem: 'bad-phase' | 'bad-date'; value: string }

const SUBCOMMANDS: Record<string, KaiCommand['kind']> = {
  ask: 'ask',
  질문: 'ask',
  results: 'results',
  result: 'results',
  결과: 'results',
  team: 'team',
  팀: 'team',
  changes: 'changes',
  change: 'changes',
  변경: 'changes',
  변경사항: 'changes',
  subscribe: 'subscribe',
  구독: 'subscribe',
  unsubscribe: 'unsubscribe',
  구독취소: 'unsubscribe',
  구독해지: 'unsubscribe',
  subscriptions: 'subscriptions',
  구독목록: 'subscriptions',
  help: 'help',
  도움말: 'help',
}

const PHASE = /^(?:phase\s*)?(\d{1,2})(?:\s*차)?$/i
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Parses the text after `/kai`. A first word that is not a subcommand, or a Korean subcommand word
 * followed by something that does not fit it ("결과 발표는 언제?"), means the whole text is a question.
 */
export function parseKaiCommand(text: string): KaiCommand {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  if (!trimmed) return { kind: 'help' }
  const [first = '', ...restWords] = trimmed.split(' ')
  const rest = restWords.join(' ')
  const kind = SUBCOMMANDS[first.toLowerCase()]
  const english = /^[a-z]+$/i.test(first)
  const asQuestion: KaiCommand = { kind: 'ask', question: trimmed }
  switch (kind) {
    case undefined:
      return asQuestion
    case 'ask':
      return rest ? { kind: 'ask', question: rest } : { kind: 'help' }
    case 'help':
      return rest && !english ? asQuestion : { kind: 'help' }
    case 'subscriptions':
      return rest && !english ? asQuestion : { kind: 'subscriptions' }
    case 'results': {
      if (!rest) return { kind: 'results', phase: undefined }
      const m = PHASE.exec(rest)
      if (m) return { kind: 'results', phase: Number(m[1]) }
      return english ? { kind: 'invalid', problem: 'bad-phase', value: rest } : asQuestion
    }
    case 'team':
      if (!rest) return english ? { kind: 'help' } : asQuestion
      return { kind: 'team', name: rest }
    case 'changes': {
      if (!rest) return { kind: 'changes', since: undefined }
      const date = rest.replace(/^(since|부터)\s+/i, '').replace(/\s*(부터|이후)$/, '')
      if (DATE.test(date) && isRealDate(date)) return { kind: 'changes', since: date }
      return english ? { kind: 'invalid', problem: 'bad-date', value: rest } : asQuestion
    }
    case 'subscribe':
    case 'unsubscribe':
      return { kind, team: rest || undefined }
    default:
      return asQuestion
  }
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date)
}

/**
 * What the "Share in channel" button carries: enough to rebuild the same answer without keeping state,
 * so a button still works after a restart.
 */
export const ShareValue = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('ask'),
    q: z.string().max(1800),
    l: z.enum(['ko', 'en']),
    /** The conversation context the question was asked in (a thread follow-up), when there was one. */
    c: z
      .object({
        teamId: z.string().max(100).optional(),
        intent: z.string().max(40).optional(),
        phase: z.number().int().optional(),
      })
      .optional(),
  }),
  z.object({ k: z.literal('results'), p: z.number().int().nullable(), l: z.enum(['ko', 'en']) }),
  z.object({ k: z.literal('team'), t: z.string().max(300), l: z.enum(['ko', 'en']) }),
  z.object({ k: z.literal('changes'), s: z.string().nullable(), l: z.enum(['ko', 'en']) }),
  z.object({ k: z.literal('help'), l: z.enum(['ko', 'en']) }),
])
export type ShareValue = z.infer<typeof ShareValue>

/** Parses a share button's value; undefined when it is not one of ours (or was cut). */
export function parseShareValue(value: string | undefined): ShareValue | undefined {
  if (!value) return undefined
  try {
    const parsed = ShareValue.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
