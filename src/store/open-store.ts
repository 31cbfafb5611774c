import type { Logger } from 'pino'
import type { Config } from '../config.js'
import type { NotifyStore } from '../core/index.js'
import { openPostgresStore, redactUrl } from './postgres-store.js'
import { openSqliteStore, storePath } from './sqlite-store.js'

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (several instances share
 * it), otherwise SQLite in DATA_DIR (the embedded default: nothing else to run).
 * @throws BotError STORE_FAILED when it cannot be opened or migrated.
 */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  logger: Logger,
): Promise<NotifyStore> {
  if (config.databaseUrl) {
    const store = await openPostgresStore({ url: config.databaseUrl, logger })
    logger.info({ store: 'postgres', url: redactUrl(config.databaseUrl) }, 'store opened')
    return store
  }
  const path = storePath(config.dataDir)
  const store = openSqliteStore({ path })
  logger.info({ store: 'sqlite', path }, 'store opened')
  return store
}
