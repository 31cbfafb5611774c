import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const manifest = parse(readFileSync('adapters/slack/manifest.yaml', 'utf8'))

describe('Slack app manifest', () => {
  it('subscribes to the events the adapter listens for', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ['app_mention', 'message.channels', 'message.groups', 'message.im'].sort(),
    )
    expect(manifest.settings.interactivity.is_enabled).toBe(true)
    expect(manifest.settings.socket_mode_enabled).toBe(true)
  })

  it('grants every scope the Web API calls need', () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot
    for (const scope of [
      'app_mentions:read',
      'chat:write',
      'commands',
      'channels:history',
      'groups:history',
      'im:history',
      'channels:read',
      'groups:read',
      'users:read',
    ]) {
      expect(scopes).toContain(scope)
    }
  })

  it('grants the scopes of every Web API method the adapter calls', () => {
    const history = ['channels:history', 'groups:history', 'im:history']
    const scopesOf: Record<string, string[]> = {
      'chat.postMessage': ['chat:write'],
      'chat.postEphemeral': ['chat:write'],
      'users.info': ['users:read'],
      'conversations.members': ['channels:read', 'groups:read'],
      'conversations.replies': history,
      'conversations.history': history,
    }
    const source = readdirSync('adapters/slack')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(`adapters/slack/${f}`, 'utf8'))
      .join('\n')
    const called = new Set([...source.matchAll(/\bclient\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`))
    expect(called.size).toBeGreaterThan(0)
    const scopes: string[] = manifest.oauth_config.scopes.bot
    for (const method of called) {
      // A method missing here is a new call: add it with the scopes its Slack reference page lists.
      expect(Object.keys(scopesOf), method).toContain(method)
      for (const scope of scopesOf[method] ?? []) expect(scopes, method).toContain(scope)
    }
  })

  it('declares /kai with a short description and usage hint', () => {
    const [command] = manifest.features.slash_commands
    expect(command.command).toBe('/kai')
    expect(command.usage_hint.length).toBeLessThanOrEqual(1000)
    expect(command.description.length).toBeLessThanOrEqual(100)
  })
})
