import { createCaptureLogger, createTestDatabase, type TestDatabase } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  executedBaselineMigrations,
  Migration,
  migrateBaseline,
  pendingBaselineMigrations,
  pendingMigrations,
  pluginMigrationsTable,
  rollbackBaseline,
  rollbackMigrations,
  runMigrations,
  type Database,
  type MigrationSet,
} from '../../src/database/index.js';
import { isBaselineError } from '../../src/errors/baseline-error.js';

const BASELINE_MIGRATIONS = [
  '0001_initial_schema',
  '0002_gemini_provider_id',
  '0003_plugin_storage',
  '0004_guild_toggles',
  '0005_llm_usage_record_id',
  '0006_user_oauth_grants',
  '0007_llm_usage_rollups',
];
const BASELINE_TABLES = [
  'audit_log',
  'authorized_users',
  'guild_settings',
  'guild_toggles',
  'guilds',
  'llm_model_pricing',
  'llm_usage',
  'llm_usage_daily_guilds',
  'llm_usage_daily_totals',
  'plugin_storage',
  'user_oauth_grants',
];

class CreateVotes extends Migration {
  override up(): void {
    this.addSql('create table "plugin_votes" ("id" serial primary key, "guild_id" bigint not null, "choice" varchar(64) not null)');
  }
  override down(): void {
    this.addSql('drop table "plugin_votes"');
  }
}

class AddVoteWeight extends Migration {
  override up(): void {
    this.addSql('alter table "plugin_votes" add column "weight" int not null default 1');
  }
  override down(): void {
    this.addSql('alter table "plugin_votes" drop column "weight"');
  }
}

class Broken extends Migration {
  override up(): void {
    this.addSql('create table "half_done" ("id" int)');
    this.addSql('select * from "no_such_table"');
  }
}

const votes: MigrationSet = {
  tableName: pluginMigrationsTable('votes'),
  migrations: [
    { name: '0001_create_votes', class: CreateVotes },
    { name: '0002_add_weight', class: AddVoteWeight },
  ],
};

let testDb: TestDatabase;
let db: Database;

async function tables(): Promise<string[]> {
  const rows = await db.orm.em
    .getConnection()
    .execute<{ table_name: string }[]>("select table_name from information_schema.tables where table_schema = 'public' order by table_name");
  return rows.map((row) => row.table_name);
}

async function columnTypes(table: string): Promise<Record<string, string>> {
  const rows = await db.orm.em
    .getConnection()
    .execute<{ column_name: string; data_type: string; numeric_precision: number | null; numeric_scale: number | null }[]>(
      'select column_name, data_type, numeric_precision, numeric_scale from information_schema.columns where table_name = ?',
      [table],
    );
  return Object.fromEntries(
    rows.map((row) => [
      row.column_name,
      row.numeric_precision && row.data_type === 'numeric' ? `numeric(${row.numeric_precision},${row.numeric_scale})` : row.data_type,
    ]),
  );
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger });
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

describe('baseline migrations', () => {
  it('GIVEN an empty database THEN up creates every baseline table and records the migration', async () => {
    expect(await pendingBaselineMigrations(db)).toEqual(BASELINE_MIGRATIONS);
    expect(await migrateBaseline(db)).toEqual(BASELINE_MIGRATIONS);
    expect(await tables()).toEqual([...BASELINE_TABLES, 'baseline_migrations'].sort());
    expect((await executedBaselineMigrations(db)).map((m) => m.name)).toEqual(BASELINE_MIGRATIONS);
    expect(await pendingBaselineMigrations(db)).toEqual([]);
    expect(await migrateBaseline(db)).toEqual([]);
  });

  it('GIVEN the migrated schema THEN snowflakes are bigint, money numeric and free-form data jsonb', async () => {
    expect(await columnTypes('guilds')).toMatchObject({ guild_id: 'bigint', owner_id: 'bigint', added_at: 'timestamp with time zone' });
    expect(await columnTypes('authorized_users')).toMatchObject({ guild_id: 'bigint', user_id: 'bigint', is_initial: 'boolean' });
    expect(await columnTypes('guild_settings')).toMatchObject({ guild_id: 'bigint', setting_value: 'jsonb' });
    expect(await columnTypes('plugin_storage')).toMatchObject({ guild_id: 'bigint', storage_value: 'jsonb' });
    expect(await columnTypes('llm_usage')).toMatchObject({
      id: 'bigint',
      guild_id: 'bigint',
      estimated_cost_usd: 'numeric(18,10)',
      units: 'numeric',
      metadata: 'jsonb',
      cache_read_tokens: 'integer',
    });
    expect(await columnTypes('llm_model_pricing')).toMatchObject({
      input_cost_per_1k_tokens: 'numeric(20,12)',
      cache_write_cost_per_1k_tokens: 'numeric(20,12)',
      pricing: 'jsonb',
    });
    expect(await columnTypes('audit_log')).toMatchObject({ id: 'bigint', before: 'jsonb', after: 'jsonb' });
  });

  it('GIVEN the migrated schema THEN constraints cascade guild deletes, keep usage without a guild and reject duplicates', async () => {
    const conn = db.orm.em.getConnection();
    await conn.execute(`insert into guilds (guild_id, guild_name) values (1, 'one')`);
    await conn.execute(`insert into authorized_users (guild_id, user_id) values (1, 10)`);
    await conn.execute(`insert into guild_settings (guild_id, setting_key, setting_value) values (1, 'core', '{}')`);
    await expect(conn.execute(`insert into authorized_users (guild_id, user_id) values (1, 10)`)).rejects.toThrow(/unique/i);
    await expect(conn.execute(`insert into authorized_users (guild_id, user_id) values (2, 10)`)).rejects.toThrow(/foreign key/i);
    await expect(
      conn.execute(
        `insert into llm_usage (provider, model, request_type, status, prompt_tokens, completion_tokens, total_tokens, estimated_cost_usd, latency_ms) values ('p', 'm', 'text', 'maybe', 0, 0, 0, 0, 0)`,
      ),
    ).rejects.toThrow(/check/i);
    // No foreign key on llm_usage.guild_id: usage of an unknown guild is still recorded.
    await conn.execute(
      `insert into llm_usage (guild_id, provider, model, request_type, prompt_tokens, completion_tokens, total_tokens, estimated_cost_usd, latency_ms) values (999, 'p', 'm', 'text', 1, 2, 3, 0.5, 7)`,
    );
    await conn.execute('delete from guilds where guild_id = 1');
    const [counts] = await conn.execute<{ users: string; settings: string; usage: string }[]>(
      'select (select count(*) from authorized_users) as users, (select count(*) from guild_settings) as settings, (select count(*) from llm_usage) as usage',
    );
    expect(counts).toEqual({ users: '0', settings: '0', usage: '1' });
    const indexes = await conn.execute<{ indexname: string }[]>("select indexname from pg_indexes where tablename = 'llm_usage' order by indexname");
    expect(indexes.map((row) => row.indexname)).toEqual([
      'llm_usage_cog_name_created_at_index',
      'llm_usage_created_at_index',
      'llm_usage_guild_id_created_at_index',
      'llm_usage_pkey',
      'llm_usage_provider_model_created_at_index',
      'llm_usage_record_id_unique',
    ]);
  });

  it('GIVEN the entities THEN they describe exactly the schema the migrations built', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    // Tracking tables belong to the migration runner, not to any entity.
    const statements = diff
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s && !/_migrations"/.test(s));
    expect(statements).toEqual([]);
  });

  it('GIVEN a plugin migration list THEN it is tracked in its own table, independent of baseline', async () => {
    expect(await runMigrations(db, votes)).toEqual(['0001_create_votes', '0002_add_weight']);
    expect(await tables()).toEqual(expect.arrayContaining(['plugin_votes', 'plugin_votes_migrations']));
    const tracked = await db.orm.em.getConnection().execute<{ name: string }[]>('select name from plugin_votes_migrations order by id');
    expect(tracked.map((row) => row.name)).toEqual(['0001_create_votes', '0002_add_weight']);
    expect((await executedBaselineMigrations(db)).map((m) => m.name)).toEqual(BASELINE_MIGRATIONS);

    expect(await rollbackMigrations(db, votes)).toEqual(['0002_add_weight']);
    expect(await pendingMigrations(db, votes)).toEqual(['0002_add_weight']);
    expect(Object.keys(await columnTypes('plugin_votes')).sort()).toEqual(['choice', 'guild_id', 'id']);
    expect(await rollbackMigrations(db, votes, { to: 0 })).toEqual(['0001_create_votes']);
    expect(await tables()).not.toContain('plugin_votes');
    expect(await tables()).toEqual(expect.arrayContaining(BASELINE_TABLES));
  });

  it('GIVEN a failing migration THEN the whole batch rolls back and the error names the migration', async () => {
    const set: MigrationSet = {
      tableName: pluginMigrationsTable('broken'),
      migrations: [
        { name: '0001_create_votes', class: CreateVotes },
        { name: '0002_broken', class: Broken },
      ],
    };
    const error = await runMigrations(db, set).catch((e: unknown) => e);
    expect(isBaselineError(error, 'BL_ERR_DB_MIGRATION_FAILED')).toBe(true);
    expect((error as Error).message).toContain('0002_broken');
    const names = await tables();
    expect(names).not.toContain('plugin_votes');
    expect(names).not.toContain('half_done');
    expect(await pendingMigrations(db, set)).toEqual(['0001_create_votes', '0002_broken']);
  });

  it('GIVEN an invalid tracking table name THEN it is refused before touching the database', async () => {
    const error = await runMigrations(db, { tableName: 'x; drop table guilds', migrations: [] }).catch((e: unknown) => e);
    expect(isBaselineError(error, 'BL_ERR_DB_MIGRATION_TABLE')).toBe(true);
    expect(pluginMigrationsTable('@acme/Polls-2')).toBe('plugin__acme_polls_2_migrations');
  });

  it('GIVEN the migrated database THEN down removes every baseline table and up works again', async () => {
    expect(await rollbackBaseline(db, { to: 0 })).toEqual([...BASELINE_MIGRATIONS].reverse());
    const left = await tables();
    for (const table of BASELINE_TABLES) expect(left).not.toContain(table);
    expect(await pendingBaselineMigrations(db)).toEqual(BASELINE_MIGRATIONS);
    expect(await migrateBaseline(db)).toEqual(BASELINE_MIGRATIONS);
    expect(await tables()).toEqual(expect.arrayContaining(BASELINE_TABLES));
  });

  it('GIVEN two processes migrating at once THEN each migration runs exactly once', async () => {
    await rollbackBaseline(db, { to: 0 });
    const second = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger });
    try {
      const results = await Promise.all([migrateBaseline(db), migrateBaseline(second)]);
      expect(results.flat()).toEqual(BASELINE_MIGRATIONS);
    } finally {
      await second.close();
    }
  });
});
