import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { ConfigError } from '../src/core/errors.js'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return (err as ConfigError).problems
  }
  throw new Error('expected loadConfig to throw')
}

describe('loadConfig', () => {
  it('starts with defaults and no platforms when the environment is empty', () => {
    const config = loadConfig({})
    expect(config.corpusDir).toBe('corpus')
    expect(config.dataDir).toBe('data')
    expect(config.logLevel).toBe('info')
    expect(config.slack).toBeUndefined()
    expect(config.discord).toBeUndefined()
    expect(config.notify.pollSeconds).toBe(300)
  })

  it('keeps SQLite unless DATABASE_URL names a PostgreSQL server, and rejects any other URL in one line', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined()
    const config = loadConfig({
      DATABASE_URL: 'postgres://kai:pw@db:5432/kai',
      INSTANCE_ID: 'kai-a',
      NOTIFY_LEASE_SECONDS: '5',
    })
    expect(config.databaseUrl).toBe('postgres://kai:pw@db:5432/kai')
    expect(config.instanceId).toBe('kai-a')
    expect(config.notify.leaseSeconds).toBe(5)
    expect(loadConfig({}).instanceId).not.toBe(loadConfig({}).instanceId)
    expect(problemsOf({ DATABASE_URL: 'mysql://db/kai', NOTIFY_LEASE_SECONDS: '1' })).toStrictEqual([
      'DATABASE_URL: must be a postgres://user:password@host:5432/database URL, or empty for SQLite in DATA_DIR',
      "NOTIFY_LEASE_SECONDS: must be a whole number from 2 to 3600, got '1'",
    ])
  })

  it('configures Slack in HTTP mode when a bot token and signing secret are set', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_QA_CHANNELS: 'C1, C2 ,',
      PORT: '3100',
    })
    expect(config.slack).toMatchObject({
      botToken: 'xoxb-1-2-abc',
      qaChannels: ['C1', 'C2'],
      port: 3100,
      host: '127.0.0.1',
    })
    expect(config.slack?.appToken).toBeUndefined()
  })

  it('parses notification channels with an optional language', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_APP_TOKEN: 'xapp-y',
      NOTIFY_SLACK_CHANNELS: 'C1,C2:en',
    })
    expect(config.notify.slackChannels).toEqual([
      { channelId: 'C1', lang: 'ko' },
      { channelId: 'C2', lang: 'en' },
    ])
  })

  it('names every bad variable on its own line with how to fix it', () => {
    const problems = problemsOf({
      LOG_LEVEL: 'loud',
      PORT: 'eighty',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_SIGNING_SECRET: 's',
      DISCORD_APPLICATION_ID: 'my-app',
      RESULTS_URL: 'ftp://example',
    })
    expect(problems).toHaveLength(5)
    expect(problems).toContain(
      "LOG_LEVEL: 'loud' is not valid — use one of fatal, error, warn, info, debug, trace, silent",
    )
    expect(problems).toContain("PORT: must be a whole number from 0 to 65535, got 'eighty'")
    expect(problems).toContain(
      "SLACK_BOT_TOKEN: must start with 'xoxb-' (the Bot User OAuth Token from OAuth & Permissions)",
    )
    expect(problems).toContain(
      'DISCORD_APPLICATION_ID: must be the numeric Application ID from the Discord developer portal',
    )
    expect(problems).toContain("RESULTS_URL: must be an http(s) URL, got 'ftp://example'")
  })

  it('asks for a signing secret when Slack runs over HTTP without one', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-x' })).toEqual([
      'SLACK_SIGNING_SECRET: missing — HTTP mode needs it to verify requests from Slack (Basic Information → Signing Secret), or set SLACK_APP_TOKEN for Socket Mode',
    ])
  })

  it('asks for the platform token when notification channels are configured without it', () => {
    expect(problemsOf({ NOTIFY_DISCORD_CHANNELS: '123' })).toEqual([
      'DISCORD_TOKEN: missing — NOTIFY_DISCORD_CHANNELS is set, so the bot needs a Discord token',
    ])
  })
})

describe('OPS_CHANNEL', () => {
  it('names the operators channel, Korean unless it ends in :en', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      OPS_CHANNEL: 'slack:C0OPS:en',
    })
    expect(config.notify.ops).toEqual({ platform: 'slack', channelId: 'C0OPS', lang: 'en' })
    expect(loadConfig({}).notify.ops).toBeUndefined()
  })

  it('rejects a malformed value and a platform without its token, one line each', () => {
    expect(() => loadConfig({ OPS_CHANNEL: 'C0OPS' })).toThrow(/OPS_CHANNEL: must be 'slack:<channel id>'/)
    expect(() => loadConfig({ OPS_CHANNEL: 'discord:123' })).toThrow(
      /DISCORD_TOKEN: missing — OPS_CHANNEL is a Discord channel/,
    )
  })
})
