import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBot } from '../../../src/main.js'
import { startFakeDiscord } from '../../helpers/fake-discord.js'
import { FIXTURE_CORPUS, type Harness, logSink } from './harness.js'

/**
 * Starts a fake Discord and the whole bot through its real startup code (`startBot` in src/main.ts),
 * configured only by environment variables pointing at the fake.
 */
export async function startBotHarness(extraEnv: Record<string, string> = {}): Promise<Harness> {
  const discord = await startFakeDiscord()
  const dataDir = await mkdtemp(join(tmpdir(), 'kai-discord-'))
  const { sink } = logSink()
  try {
    const bot = await startBot({
      env: {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_APPLICATION_ID: discord.applicationId,
        CORPUS_DIR: FIXTURE_CORPUS,
        DATA_DIR: dataDir,
        CORPUS_WATCH: 'false',
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'json',
        ...extraEnv,
      },
      logDestination: sink.stream,
    })
    await discord.waitForSession()
    return {
      discord,
      adapter: bot.adapters.find((a) => a.name === 'discord')!,
      notifications: bot.notifications.service,
      logs: sink,
      async stop() {
        await bot.stop()
        await discord.close()
        await rm(dataDir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await discord.close()
    await rm(dataDir, { recursive: true, force: true })
    throw err
  }
}
