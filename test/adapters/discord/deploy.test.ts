import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { COMMAND_NAME, commandDefinitions } from '../../../adapters/discord/commands.js'
import { runDeploy } from '../../../adapters/discord/deploy.js'
import { ConfigError } from '../../../src/core/index.js'
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js'

let discord: FakeDiscord
let printed: string[]
beforeEach(async () => {
  discord = await startFakeDiscord()
  printed = []
})
afterEach(async () => {
  await discord.close()
})

function env(extra: Record<string, string> = {}) {
  return {
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    ...extra,
  }
}
const print = (line: string) => printed.push(line)
const puts = () => discord.requests.filter((r) => r.method === 'PUT')

describe('the /kai command definition', () => {
  const [kai] = commandDefinitions()
  const subcommands = (kai?.options ?? []) as { name: string; options?: Record<string, unknown>[] }[]

  it('has every subcommand the issue lists, each with Korean name and description', () => {
    expect(kai?.name).toBe(COMMAND_NAME)
    expect(subcommands.map((s) => s.name)).toEqual([
      'ask',
      'results',
      'team',
      'changes',
      'subscribe',
      'unsubscribe',
      'subscriptions',
      'help',
    ])
    for (const s of subcommands as unknown as Record<string, Record<string, string> | undefined>[]) {
      expect(s.name_localizations?.ko, String(s.name)).toBeTruthy()
      expect(s.description_localizations?.ko, String(s.name)).toBeTruthy()
    }
    expect(kai?.description_localizations?.ko).toBeTruthy()
  })

  it('obeys Discord naming and length rules when checked like Discord does', () => {
    const name = /^[-_\p{L}\p{N}]{1,32}$/u
    const walk = (o: Record<string, unknown>, where: string): void => {
      const names = [
        o.name,
        ...Object.values((o.name_localizations ?? {}) as Record<string, string>),
      ] as string[]
      for (const n of names) {
        expect(n, where).toMatch(name)
        expect(n, where).toBe(n.toLowerCase())
      }
      const descriptions = [o.description, ...Object.values((o.description_localizations ?? {}) as object)]
      for (const d of descriptions as string[]) expect(d.length, `${where} ${d}`).toBeLessThanOrEqual(100)
      const options = (o.options ?? []) as Record<string, unknown>[]
      expect(options.length).toBeLessThanOrEqual(25)
      for (const child of options) walk(child, `${where}.${String(child.name)}`)
    }
    walk(kai as unknown as Record<string, unknown>, 'kai')
  })

  it('lets every member use /kai, in servers and DMs, leaving Manage Channels to a run-time check', () => {
    expect(kai?.default_member_permissions).toBeNull()
    expect(kai?.contexts).toEqual([0, 1])
  })
})

describe('npm run discord:deploy', () => {
  it('bulk-overwrites the guild commands with /kai when DISCORD_GUILD_ID is set and nothing is registered', async () => {
    const report = await runDeploy(env({ DISCORD_GUILD_ID: discord.guildId }), print)
    expect(report.added).toEqual(['kai'])
    expect(puts()).toHaveLength(1)
    expect(puts()[0]?.path).toBe(`/applications/${discord.applicationId}/guilds/${discord.guildId}/commands`)
    expect(puts()[0]?.body).toEqual(commandDefinitions())
    expect(discord.commands(discord.guildId).map((c) => c.name)).toEqual(['kai'])
    expect(printed.join('\n')).toContain('+ /kai (new)')
  })

  it('sends nothing and says so when run a second time', async () => {
    await runDeploy(env({ DISCORD_GUILD_ID: discord.guildId }), print)
    printed = []
    const second = await runDeploy(env({ DISCORD_GUILD_ID: discord.guildId }), print)
    expect(second).toMatchObject({ added: [], removed: [], changed: [], unchanged: ['kai'], written: false })
    expect(puts()).toHaveLength(1)
    expect(printed.join('\n')).toContain('Nothing changed')
    // It compared against the full localizations, not the caller's locale only.
    const gets = discord.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/commands'))
    expect(gets.every((r) => r.query.get('with_localizations') === 'true')).toBe(true)
  })

  it('registers global commands when no DISCORD_GUILD_ID is set', async () => {
    await runDeploy(env(), print)
    expect(puts()[0]?.path).toBe(`/applications/${discord.applicationId}/commands`)
    expect(discord.commands('global').map((c) => c.name)).toEqual(['kai'])
  })

  it('prints which fields changed and which stale commands it removes when Discord holds an older set', async () => {
    const [kai] = commandDefinitions()
    const stale = structuredClone(kai!) as unknown as { options: { name: string; description: string }[] }
    stale.options[0]!.description = 'an older description'
    const setup = discord.requests.length
    await fetch(`${discord.apiUrl}/v10/applications/${discord.applicationId}/commands`, {
      method: 'PUT',
      headers: { authorization: `Bot ${discord.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([stale, { name: 'old', description: 'gone', type: 1 }]),
    })
    expect(discord.requests.length).toBe(setup + 1)

    const report = await runDeploy(env(), print)
    expect(report.changed).toEqual([{ name: 'kai', paths: ['options.ask.description'] }])
    expect(report.removed).toEqual(['old'])
    expect(discord.commands('global').map((c) => c.name)).toEqual(['kai'])
    expect(printed.join('\n')).toMatch(/~ \/kai changed: options\.ask\.description\n {2}- \/old/)
  })

  it('explains which variable is missing when DISCORD_APPLICATION_ID is not set', async () => {
    const { DISCORD_APPLICATION_ID: _, ...withoutId } = env()
    await expect(runDeploy(withoutId, print)).rejects.toThrow(ConfigError)
    await expect(runDeploy(withoutId, print)).rejects.toThrow(/DISCORD_APPLICATION_ID: missing/)
  })

  it('says the token was rejected when Discord answers 401', async () => {
    await expect(runDeploy(env({ DISCORD_TOKEN: 'wrong-token' }), print)).rejects.toThrow(
      /DISCORD_TOKEN: Discord rejected/,
    )
  })

  it('runs as a script through npm run discord:deploy and exits 0', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'discord:deploy'], {
      env: { ...process.env, ...env({ DISCORD_GUILD_ID: discord.guildId }) },
    })
    expect(stdout).toContain('+ /kai (new)')
    expect(discord.commands(discord.guildId).map((c) => c.name)).toEqual(['kai'])
  })
})
