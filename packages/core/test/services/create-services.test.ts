import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migration } from '@mikro-orm/migrations';
import { createCaptureLogger, createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config/load-config.js';
import { upsertGuild } from '../../src/database/repositories/guild-repository.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { createServices } from '../../src/services/create-services.js';
import type { BaselineServices } from '../../src/services/baseline-services.js';
import { defineSettings } from '../../src/settings/define-settings.js';
import { waitFor } from '../fixtures/wait-for.js';

const hostApp = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'host-app');

class CreateGreetings extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table greeter_greetings (id serial primary key, guild_id bigint not null, text varchar(200) not null)');
  }
  override async down(): Promise<void> {
    this.addSql('drop table greeter_greetings');
  }
}

class BrokenMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table half_done (id int)');
    this.addSql('this is not sql');
  }
}

const greeter = definePlugin({
  id: 'greeter',
  name: 'Greeter',
  version: '1.0.0',
  settings: defineSettings(z.object({ greeting: z.string().min(1).default('Hello'), maxPerDay: z.number().int().min(0).default(3) })),
  migrations: [{ name: 'greeter-001-greetings', class: CreateGreetings }],
});
const badMigration = definePlugin({ id: 'bad-migration', name: 'Bad', version: '1.0.0', migrations: [{ name: 'bad-001', class: BrokenMigration }] });
const needsBad = definePlugin({ id: 'needs-bad', name: 'Needs bad', version: '1.0.0', dependencies: ['bad-migration'] });

describe('createServices', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let first: BaselineServices;
  let second: BaselineServices;
  const logs = createCaptureLogger('info');

  const boot = () =>
    createServices({
      service: 'test',
      appDir: hostApp,
      config: loadConfig({ env: { DATABASE_URL: db.url, REDIS_URL: redis.url, NODE_ENV: 'test' }, envFiles: false }),
      logger: logs.logger,
      kvPrefix: redis.prefix,
      plugins: [greeter, badMigration, needsBad],
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    first = await boot();
    second = await boot();
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await redis.cleanup();
    await db.drop();
  });

  it('GIVEN discovered and passed-in plugins THEN the good ones load in order AND each broken one is skipped with its code', () => {
    const loaded = first.plugins.map((plugin) => plugin.id);
    expect(loaded).toContain('greeter');
    expect(loaded).toContain('valid');
    expect(loaded).toEqual(expect.arrayContaining(['parent', 'child'].filter((id) => loaded.includes(id))));
    expect(loaded).not.toContain('bad-migration');
    expect(loaded).not.toContain('needs-bad');
    const codes = Object.fromEntries(first.pluginFailures.map((failure) => [failure.pluginId ?? failure.packageName, failure.error.code]));
    expect(codes['bad-migration']).toBe('BL_ERR_PLUGIN_MIGRATION_FAILED');
    expect(codes['needs-bad']).toBe('BL_ERR_PLUGIN_DEPENDENCY_FAILED');
    expect(codes['plugin-broken-entry']).toBe('BL_ERR_PLUGIN_ENTRY_IMPORT');
  });

  it("GIVEN a plugin's migrations THEN they run in the plugin's own table AND a failed one leaves nothing behind", async () => {
    const connection = first.db.orm.em.getConnection();
    const tables = (await connection.execute<{ table_name: string }[]>("select table_name from information_schema.tables where table_schema = 'public'")).map(
      (row) => row.table_name,
    );
    expect(tables).toEqual(expect.arrayContaining(['baseline_migrations', 'plugin_greeter_migrations', 'greeter_greetings', 'guild_settings']));
    expect(tables).not.toContain('half_done');
    const executed = await connection.execute<{ name: string }[]>('select name from plugin_greeter_migrations');
    expect(executed.map((row) => row.name)).toEqual(['greeter-001-greetings']);
  });

  it('GIVEN two guilds THEN settings are isolated per guild on the real database', async () => {
    await upsertGuild(first.db, { guildId: '100000000000000001', guildName: 'One' });
    await upsertGuild(first.db, { guildId: '100000000000000002', guildName: 'Two' });
    await first.settings.set('100000000000000001', 'greeter', { greeting: 'Salut' });
    expect(await first.settings.get('100000000000000001', 'greeter')).toEqual({ greeting: 'Salut', maxPerDay: 3 });
    expect(await first.settings.get('100000000000000002', 'greeter')).toEqual({ greeting: 'Hello', maxPerDay: 3 });
  });

  it('GIVEN an invalid change THEN it is rejected with field paths AND nothing is stored', async () => {
    await expect(first.settings.set('100000000000000002', 'greeter', { maxPerDay: -1 })).rejects.toMatchObject({
      code: 'BL_ERR_SETTINGS_INVALID',
    });
    const rows = await first.db.orm.em.getConnection().execute("select 1 from guild_settings where guild_id = '100000000000000002'");
    expect(rows).toHaveLength(0);
  });

  it('GIVEN two processes THEN a change made in one is seen by the other after the invalidation event', async () => {
    const guildId = '100000000000000001';
    expect((await second.settings.get(guildId, 'greeter')).greeting).toBe('Salut');
    await first.settings.set(guildId, 'greeter', { greeting: 'Ahoy' });
    await waitFor(async () => (await second.settings.get(guildId, 'greeter')).greeting === 'Ahoy');
    expect((await second.settings.get(guildId, 'greeter')).greeting).toBe('Ahoy');
  });

  it('GIVEN the container THEN db and kv answer pings AND close() is idempotent', async () => {
    expect(await first.db.ping()).toBeGreaterThanOrEqual(0);
    expect(await first.kv.ping()).toBeGreaterThanOrEqual(0);
    const extra = await boot();
    await extra.close();
    await extra.close();
    expect(await extra.db.orm.isConnected()).toBe(false);
  });
});
