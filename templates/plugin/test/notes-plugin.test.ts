import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBaselineApp, type RunningApp } from '@baseline/cli';
import { executedMigrations, pluginMigrationsTable, rollbackMigrations, runMigrations } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import notesPlugin, { notesMigrations } from '../src/index.js';

const pluginDir = dirname(dirname(fileURLToPath(import.meta.url)));

// The plugin loaded into a real bot, against the Discord emulator and an embedded PostgreSQL under .baseline/.
describe('the notes plugin in a bot', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startBaselineApp({
      appDir: pluginDir,
      app: { plugins: [notesPlugin] },
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: process.env['DATABASE_URL'] },
      envFiles: false,
      api: false,
      handleSignals: false,
      healthServer: false,
    });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('GIVEN /note add THEN the note lands in the plugin table and /note count counts it', async () => {
    const emulator = running.emulator!;
    const guild = [...emulator.state.guilds.values()][0]!;
    const alice = emulator.state.findUser('alice')!;
    const before = await emulator.invokeSlashCommand({ guildId: guild.id, userId: alice.id, name: 'note', subcommand: 'count' }).reply();
    const count = Number(/You keep (\d+)/.exec(before.content ?? '')?.[1]);
    const added = await emulator
      .invokeSlashCommand({ guildId: guild.id, userId: alice.id, name: 'note', subcommand: 'add', options: { text: 'buy milk' } })
      .reply();
    expect(added.content).toBe('Noted.');
    const after = await emulator.invokeSlashCommand({ guildId: guild.id, userId: alice.id, name: 'note', subcommand: 'count' }).reply();
    expect(after.content).toBe(`You keep ${count + 1} note(s) here.`);
  });

  it('GIVEN the migrations THEN down removes the table and up brings it back', async () => {
    const db = running.bot.services.db;
    const set = { tableName: pluginMigrationsTable('notes'), migrations: notesMigrations };
    expect((await executedMigrations(db, set)).map((migration) => migration.name)).toEqual(['0001_create_notes']);
    expect(await rollbackMigrations(db, set, { to: 0 })).toEqual(['0001_create_notes']);
    expect(await runMigrations(db, set)).toEqual(['0001_create_notes']);
  });
});
