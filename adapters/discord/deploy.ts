/**
 * `npm run discord:deploy`: registers `/kai` with Discord by bulk overwrite, to DISCORD_GUILD_ID when set
 * (instant, for development) or globally. Compares with what Discord holds first, prints what changes,
 * and writes nothing when nothing changed, so running it twice is safe.
 * @module
 */
import { pathToFileURL } from 'node:url'
import { DiscordAPIError, REST, type RESTPutAPIApplicationCommandsJSONBody, Routes } from 'discord.js'
import { loadConfig, loadDotEnv } from '../../src/config.js'
import { BotError, ConfigError } from '../../src/core/index.js'
import { commandDefinitions } from './commands.js'

export interface DeployTarget {
  applicationId: string
  /** Guild (server) id for guild commands; undefined for global commands. */
  guildId?: string
}

export interface DeployReport {
  target: DeployTarget
  added: string[]
  removed: string[]
  /** Command name → the fields that differ (`options.ask.description_localizations.ko`). */
  changed: { name: string; paths: string[] }[]
  unchanged: string[]
  /** Whether the bulk overwrite was sent (only when something differs). */
  written: boolean
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Option fields Discord stores; anything else it returns (id, version, *_localized, …) is not ours to compare. */
const OPTION_KEYS = [
  'type',
  'name',
  'name_localizations',
  'description',
  'description_localizations',
  'required',
  'autocomplete',
  'choices',
  'options',
  'min_value',
  'max_value',
  'min_length',
  'max_length',
  'channel_types',
] as const
const COMMAND_KEYS = [
  ...OPTION_KEYS,
  'default_member_permissions',
  'contexts',
  'integration_types',
  'nsfw',
] as const

/**
 * What a command means to Discord, with its defaults made explicit-by-absence: Discord returns
 * `required: false`, `[]`, `{}` or null where we sent nothing, and those must not count as changes.
 */
export function canonicalCommand(command: object, keys: readonly string[] = COMMAND_KEYS): Json {
  const source = command as Record<string, unknown>
  const out: Record<string, Json> = {}
  for (const key of keys) {
    let value = source[key]
    if (key === 'type' && keys === COMMAND_KEYS && value === undefined) value = 1
    if (key === 'integration_types' && value === undefined) value = [0]
    if (value === undefined || value === null || value === false) continue
    if (Array.isArray(value) && value.length === 0) continue
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue
    if (key === 'options') out[key] = (value as object[]).map((o) => canonicalCommand(o, OPTION_KEYS))
    else if (key === 'choices') out[key] = (value as object[]).map((c) => canonicalCommand(c, CHOICE_KEYS))
    else out[key] = sortKeys(value as Json)
  }
  return out
}
const CHOICE_KEYS = ['name', 'name_localizations', 'value'] as const

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k]!)]),
    )
  }
  return value
}

/** Paths where two canonical commands differ; options are matched by name so a reorder reads clearly. */
function diffPaths(a: Json | undefined, b: Json | undefined, path: string): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return []
  const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    return keys.flatMap((k) => diffPaths(a[k], b[k], path ? `${path}.${k}` : k))
  }
  const named = (v: Json | undefined) =>
    Array.isArray(v) && v.every((o) => isObject(o) && typeof o.name === 'string')
      ? new Map(v.map((o) => [String((o as { name: string }).name), o]))
      : undefined
  const na = named(a)
  const nb = named(b)
  if (na && nb && path.endsWith('options')) {
    const names = [...new Set([...na.keys(), ...nb.keys()])]
    const inner = names.flatMap((n) => diffPaths(na.get(n), nb.get(n), `${path}.${n}`))
    const order =
      [...na.keys()].filter((n) => nb.has(n)).join() !== [...nb.keys()].filter((n) => na.has(n)).join()
    return order ? [...inner, `${path} (order)`] : inner
  }
  return [path]
}

/** Compares the wanted commands with what Discord holds and overwrites them when anything differs. */
export async function deployCommands(
  rest: REST,
  target: DeployTarget,
  commands: RESTPutAPIApplicationCommandsJSONBody,
): Promise<DeployReport> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId)
  // Without with_localizations Discord returns only the caller's locale, which would always look changed.
  const current = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as {
    name: string
  }[]
  const currentByName = new Map(current.map((c) => [c.name, canonicalCommand(c)]))
  const wantedNames = new Set(commands.map((c) => c.name))
  const report: DeployReport = { target, added: [], removed: [], changed: [], unchanged: [], written: false }
  for (const command of commands) {
    const existing = currentByName.get(command.name)
    if (existing === undefined) {
      report.added.push(command.name)
      continue
    }
    const paths = diffPaths(existing, canonicalCommand(command), '')
    if (paths.length === 0) report.unchanged.push(command.name)
    else report.changed.push({ name: command.name, paths })
  }
  report.removed = current.map((c) => c.name).filter((name) => !wantedNames.has(name))
  if (report.added.length + report.removed.length + report.changed.length > 0) {
    await rest.put(route, { body: commands })
    report.written = true
  }
  return report
}

/** Human-readable summary of a deployment, one line per command. */
export function formatDeployReport(report: DeployReport): string {
  const where = report.target.guildId
    ? `server (guild) ${report.target.guildId}`
    : 'all servers (global commands)'
  const lines = [`Discord commands of application ${report.target.applicationId} in ${where}:`]
  for (const name of report.added) lines.push(`  + /${name} (new)`)
  for (const { name, paths } of report.changed) lines.push(`  ~ /${name} changed: ${paths.join(', ')}`)
  for (const name of report.removed) lines.push(`  - /${name} (removed: no longer defined by kai-bot)`)
  for (const name of report.unchanged) lines.push(`  = /${name} (unchanged)`)
  if (!report.written) lines.push('Nothing changed; nothing was sent to Discord.')
  else if (report.target.guildId) lines.push('Updated. Guild commands take effect at once.')
  else lines.push('Updated. Global commands can take a few minutes to show up in Discord clients.')
  return lines.join('\n')
}

/**
 * Reads the configuration from `env`, deploys, and returns the report.
 * @throws ConfigError when DISCORD_TOKEN or DISCORD_APPLICATION_ID is missing or rejected.
 */
export async function runDeploy(
  env: Record<string, string | undefined>,
  print: (line: string) => void = console.log,
): Promise<DeployReport> {
  const config = loadConfig(env)
  const problems: string[] = []
  if (!config.discord)
    problems.push('DISCORD_TOKEN: missing — the bot token from the developer portal (Bot → Token)')
  if (!config.discord?.applicationId) {
    problems.push(
      'DISCORD_APPLICATION_ID: missing — the Application ID from the developer portal (General Information)',
    )
  }
  if (!config.discord?.applicationId || problems.length > 0) throw new ConfigError(problems)
  const { token, applicationId, guildId, apiUrl } = config.discord
  const rest = new REST(apiUrl ? { api: apiUrl.replace(/\/+$/, '') } : {}).setToken(token)
  try {
    const report = await deployCommands(rest, { applicationId, guildId }, commandDefinitions())
    print(formatDeployReport(report))
    return report
  } catch (err) {
    throw explainDeployError(err, { applicationId, guildId })
  }
}

function explainDeployError(err: unknown, target: DeployTarget): unknown {
  if (!(err instanceof DiscordAPIError)) return err
  if (err.status === 401) {
    return new ConfigError(['DISCORD_TOKEN: Discord rejected the token — copy it again (Bot → Reset Token)'])
  }
  if (err.code === 50001 && target.guildId) {
    return new ConfigError([
      `DISCORD_GUILD_ID: the application cannot reach server ${target.guildId} — invite it there with the applications.commands scope (see adapters/discord/README.md), or check the id`,
    ])
  }
  if (err.status === 403 || err.status === 404) {
    return new ConfigError([
      `DISCORD_APPLICATION_ID: Discord refused (${err.status} ${err.message}) — check that it is the Application ID of the bot whose token you use`,
    ])
  }
  return err
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotEnv()
  runDeploy(process.env).catch((err: unknown) => {
    console.error(err instanceof BotError ? `discord:deploy failed:\n${err.message}` : err)
    process.exitCode = 1
  })
}
