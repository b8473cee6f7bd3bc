import { join } from 'node:path';
import { createDatabase, createLogger, loadConfig, startEmbeddedPostgres, type Database, type DatabaseEntity, type Logger } from '@baseline/core';

/** A database connection of a bot app, for commands that only need the database. */
export interface AppDatabase {
  readonly db: Database;
  readonly logger: Logger;
  /** Whether it is the embedded PostgreSQL under `.baseline/` (no `DATABASE_URL`). */
  readonly embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to the app's database as the bot would: `DATABASE_URL` from the environment or `.env`, else the
 * embedded PostgreSQL under `<appDir>/.baseline/postgres` (started, or reused when the bot runs already).
 */
export async function openAppDatabase(appDir: string, entities: readonly DatabaseEntity[] = []): Promise<AppDatabase> {
  const config = loadConfig({ cwd: appDir });
  const logger = createLogger({ service: 'cli', level: process.env['LOG_LEVEL'] === undefined ? 'warn' : config.log.level });
  const embedded = config.database.url === undefined ? await startEmbeddedPostgres({ dataDir: join(appDir, '.baseline', 'postgres'), logger }) : undefined;
  const url = config.database.url ?? embedded!.url;
  let db: Database;
  try {
    db = await createDatabase({ url, logger, entities });
  } catch (error) {
    await embedded?.close();
    throw error;
  }
  return {
    db,
    logger,
    embedded: embedded !== undefined,
    close: async () => {
      await db.close();
      await embedded?.close();
    },
  };
}
