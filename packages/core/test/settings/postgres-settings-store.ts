import { afterAll, beforeAll } from 'vitest';
import { createDatabase, createPostgresSettingsStore, migrateBaseline, upsertGuild, type Database } from '../../src/database/index.js';
import type { SettingsStore } from '../../src/settings/store.js';
import { createCaptureLogger, createTestDatabase, type TestDatabase } from '../../src/testing/index.js';

/** What {@link usePostgresSettingsStore} sets up: filled before the file's first test. */
export interface PostgresSettingsStoreFixture {
  db: Database;
  store: SettingsStore;
}

/**
 * A migrated test database holding `guilds` (named Alpha, Beta, … in order) and the PostgreSQL settings store on it,
 * for the tests of one file: created before the first test, dropped after the last.
 */
export function usePostgresSettingsStore(guilds: readonly string[]): PostgresSettingsStoreFixture {
  const fixture = {} as PostgresSettingsStoreFixture;
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    fixture.db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger, pool: { min: 0, max: 6 } });
    await migrateBaseline(fixture.db);
    for (const [index, guildId] of guilds.entries()) await upsertGuild(fixture.db, { guildId, guildName: GUILD_NAMES[index] ?? `Guild ${index}` });
    fixture.store = createPostgresSettingsStore(fixture.db);
  });
  afterAll(async () => {
    await fixture.db?.close();
    await testDb?.drop();
  });
  return fixture;
}

const GUILD_NAMES = ['Alpha', 'Beta', 'Gamma', 'Delta'];
