import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { hostname } from 'node:os'
import { z } from 'zod'
import { ConfigError } from './core/errors.js'

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )

const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return fallback
      const v = s.trim().toLowerCase()
      if (['1', 'true', 'yes', 'on'].includes(v)) return true
      if (['0', 'false', 'no', 'off'].includes(v)) return false
      ctx.addIssue({ code: 'custom', message: `must be true or false, got '${s}'` })
      return z.NEVER
    })

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined))

const optionalUrl = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s?.trim()) return undefined
    try {
      const u = new URL(s.trim())
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http')
      return u.toString()
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be an http(s) URL, got '${s}'` })
      return z.NEVER
    }
  })

const postgresUrl = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s?.trim()) return undefined
    try {
      const u = new URL(s.trim())
      if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error('not postgres')
      return s.trim()
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a postgres://user:password@host:5432/database URL, or empty for SQLite in DATA_DIR',
      })
      return z.NEVER
    }
  })

const prefixedToken = (prefix: string, hint: string) =>
  optionalText.refine((s) => s === undefined || s.startsWith(prefix), {
    message: `must start with '${prefix}' (${hint})`,
  })

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return fallback
      const n = Number(s)
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, got '${s}'` })
        return z.NEVER
      }
      return n
    })

/** Channel ids for configured notification targets, e.g. `C0123ABC` or `C0123ABC:en`. */
const notifyChannels = csv.transform((items, ctx) =>
  items.flatMap((item) => {
    const m = /^([A-Za-z0-9]+)(?::(ko|en))?$/.exec(item)
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `'${item}' is not a channel id (optionally ':ko' or ':en')` })
      return []
    }
    return [{ channelId: m[1]!, lang: (m[2] ?? 'ko') as 'ko' | 'en' }]
  }),
)

const EnvSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  CORPUS_DIR: z.string().trim().min(1).default('corpus'),
  DATA_DIR: z.string().trim().min(1).default('data'),
  CORPUS_WATCH: bool(true),
  CORPUS_RESCAN_SECONDS: int(30, 0, 86_400),
  DATABASE_URL: postgresUrl,
  INSTANCE_ID: optionalText,

  SLACK_BOT_TOKEN: prefixedToken('xoxb-', 'the Bot User OAuth Token from OAuth & Permissions'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: prefixedToken(
    'xapp-',
    'an app-level token with connections:write, from Basic Information',
  ),
  SLACK_API_URL: optionalUrl,
  SLACK_QA_CHANNELS: csv,
  SLACK_SUBSCRIBE_RULE: z.enum(['admins', 'members', 'anyone']).default('members'),
  PORT: int(3000, 0, 65535),
  HOST: z.string().trim().min(1).default('127.0.0.1'),

  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.refine((s) => s === undefined || /^\d{15,22}$/.test(s), {
    message: 'must be the numeric Application ID from the Discord developer portal',
  }),
  DISCORD_GUILD_ID: optionalText.refine((s) => s === undefined || /^\d{15,22}$/.test(s), {
    message: 'must be a numeric server (guild) id; leave it empty to deploy commands globally',
  }),
  DISCORD_API_URL: optionalUrl,

  NOTIFY_SLACK_CHANNELS: notifyChannels,
  NOTIFY_DISCORD_CHANNELS: notifyChannels,
  NOTIFY_ANNOUNCE_CURRENT: bool(false),
  RESULTS_URL: optionalUrl,
  RESULTS_POLL_SECONDS: int(300, 10, 86_400),
  NOTIFY_LEASE_SECONDS: int(60, 2, 3_600),
  OPS_CHANNEL: optionalText.refine(
    (s) => s === undefined || /^(slack|discord):[A-Za-z0-9]+(:(ko|en))?$/.test(s),
    {
      message:
        "must be 'slack:<channel id>' or 'discord:<channel id>', optionally ':en' for English (e.g. slack:C0123ABCD)",
    },
  ),
})

type Env = z.output<typeof EnvSchema>

/** Validated, typed configuration; built once by `loadConfig` and passed down, never read from `process.env` again. */
export interface Config {
  logLevel: Env['LOG_LEVEL']
  logFormat: Env['LOG_FORMAT']
  corpusDir: string
  dataDir: string
  corpusWatch: boolean
  /** With CORPUS_WATCH: also re-read the corpus this often, in case a file event was missed; 0 = never. */
  corpusRescanSeconds: number
  /** PostgreSQL (several instances share it); undefined keeps SQLite in `dataDir`. */
  databaseUrl?: string
  /** This process's name in outbox claims and logs; unique per instance. */
  instanceId: string
  slack?: {
    botToken: string
    signingSecret?: string
    appToken?: string
    apiUrl?: string
    qaChannels: string[]
    subscribeRule: Env['SLACK_SUBSCRIBE_RULE']
    port: number
    host: string
  }
  discord?: {
    token: string
    applicationId?: string
    guildId?: string
    apiUrl?: string
  }
  notify: {
    slackChannels: { channelId: string; lang: 'ko' | 'en' }[]
    discordChannels: { channelId: string; lang: 'ko' | 'en' }[]
    announceCurrent: boolean
    resultsUrl?: string
    pollSeconds: number
    /** How long a claimed delivery stays this instance's before another may take it over. */
    leaseSeconds: number
    /** OPS_CHANNEL: where the operators are told the corpus is stale (an event overdue > 7 days). */
    ops?: { platform: 'slack' | 'discord'; channelId: string; lang: 'ko' | 'en' }
  }
}

function opsChannel(value: string | undefined): Config['notify']['ops'] {
  if (!value) return undefined
  const [platform, channelId, lang] = value.split(':') as [
    'slack' | 'discord',
    string,
    'ko' | 'en' | undefined,
  ]
  return { platform, channelId, lang: lang ?? 'ko' }
}

const HOW_TO_FIX: Partial<Record<keyof Env, string>> = {
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
  LOG_FORMAT: 'use auto, json or pretty',
  SLACK_SUBSCRIBE_RULE: 'use admins, members or anyone',
}

/**
 * Parses the environment once into a `Config`.
 * @throws ConfigError with one line per bad variable: its name, what is wrong and how to fix it.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env)
  const problems: string[] = []
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '(environment)') as keyof Env
      const fix = HOW_TO_FIX[name]
      problems.push(fix ? `${name}: '${env[name]}' is not valid — ${fix}` : `${name}: ${issue.message}`)
    }
  }
  const e = parsed.data
  if (e) {
    if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push(
        'SLACK_SIGNING_SECRET: missing — HTTP mode needs it to verify requests from Slack (Basic Information → Signing Secret), or set SLACK_APP_TOKEN for Socket Mode',
      )
    }
    if (!e.SLACK_BOT_TOKEN && e.SLACK_APP_TOKEN) {
      problems.push(
        'SLACK_BOT_TOKEN: missing — SLACK_APP_TOKEN is set, so Slack needs its bot token (xoxb-…) too',
      )
    }
    if (!e.DISCORD_TOKEN && e.NOTIFY_DISCORD_CHANNELS.length > 0) {
      problems.push(
        'DISCORD_TOKEN: missing — NOTIFY_DISCORD_CHANNELS is set, so the bot needs a Discord token',
      )
    }
    if (!e.SLACK_BOT_TOKEN && e.NOTIFY_SLACK_CHANNELS.length > 0) {
      problems.push('SLACK_BOT_TOKEN: missing — NOTIFY_SLACK_CHANNELS is set, so the bot needs a Slack token')
    }
    const ops = opsChannel(e.OPS_CHANNEL)
    if (ops?.platform === 'slack' && !e.SLACK_BOT_TOKEN)
      problems.push(
        'SLACK_BOT_TOKEN: missing — OPS_CHANNEL is a Slack channel, so the bot needs a Slack token',
      )
    if (ops?.platform === 'discord' && !e.DISCORD_TOKEN)
      problems.push(
        'DISCORD_TOKEN: missing — OPS_CHANNEL is a Discord channel, so the bot needs a Discord token',
      )
  }
  if (problems.length > 0 || !e) throw new ConfigError(problems)

  return {
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    corpusDir: e.CORPUS_DIR,
    dataDir: e.DATA_DIR,
    corpusWatch: e.CORPUS_WATCH,
    corpusRescanSeconds: e.CORPUS_RESCAN_SECONDS,
    databaseUrl: e.DATABASE_URL,
    instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    ...(e.SLACK_BOT_TOKEN && {
      slack: {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
        qaChannels: e.SLACK_QA_CHANNELS,
        subscribeRule: e.SLACK_SUBSCRIBE_RULE,
        port: e.PORT,
        host: e.HOST,
      },
    }),
    ...(e.DISCORD_TOKEN && {
      discord: {
        token: e.DISCORD_TOKEN,
        applicationId: e.DISCORD_APPLICATION_ID,
        guildId: e.DISCORD_GUILD_ID,
        apiUrl: e.DISCORD_API_URL,
      },
    }),
    notify: {
      slackChannels: e.NOTIFY_SLACK_CHANNELS,
      discordChannels: e.NOTIFY_DISCORD_CHANNELS,
      announceCurrent: e.NOTIFY_ANNOUNCE_CURRENT,
      resultsUrl: e.RESULTS_URL,
      pollSeconds: e.RESULTS_POLL_SECONDS,
      leaseSeconds: e.NOTIFY_LEASE_SECONDS,
      ...(e.OPS_CHANNEL && { ops: opsChannel(e.OPS_CHANNEL) }),
    },
  }
}

/** Reads `.env` into `process.env` when the file exists (real environment variables win). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path)
}
