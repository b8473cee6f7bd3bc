import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installPluginPackage } from '../support/plugin-package.js';
import { copyFixtureApp } from '../support/run-cli.js';
import { runInProcess } from '../support/run-in-process.js';

// The commands that start the bot to look at it (against the Discord emulator, no token set), run in this process.
describe('baseline commands, plugins doctor and privacy erase, in this process', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  let app: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = copyFixtureApp();
    installPluginPackage(app, {
      name: 'notes-plugin',
      id: 'notes',
      deleteUserData: "return { erased: { notes: 2 }, note: 'totals kept' };",
      definition: "intents: ['guilds', 32768, 'not_an_intent']",
    });
  });
  beforeEach(() => {
    vi.stubEnv('DATABASE_URL', database.url);
    vi.stubEnv('LOG_LEVEL', 'warn');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.drop();
  });

  it('GIVEN commands plan THEN it prints what a sync would create; sync then writes it', async () => {
    const plan = await runInProcess(['--dir', app, 'commands', 'plan']);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toMatch(/^global +create +\/ping$/m);
    expect(plan.stdout).toContain('Plan against the Discord emulator (no DISCORD_BOT_TOKEN); nothing written.');
    const sync = await runInProcess(['--dir', app, 'commands', 'sync']);
    expect(sync.stdout).toMatch(/\d+ write\(s\) to the Discord emulator/);
  });

  it('GIVEN plugins doctor THEN intents and permissions are checked in every guild, and user-data compliance is listed', async () => {
    const result = await runInProcess(['--dir', app, 'plugins', 'doctor']);
    expect(result.stdout).toMatch(/^notes +\(gateway\) +guilds ok, 32768 ok, not_an_intent ok$/m);
    expect(result.stdout).toMatch(/^fixture +Baseline Demo \(\d+\) +SendMessages ok$/m);
    expect(result.stdout).toMatch(/^fixture +not compliant: no deleteUserData hook +no endUserData statement in the manifest$/m);
    expect(result.stdout).toMatch(/^notes +compliant +/m);
    expect(result.stdout).toContain('every plugin has what it needs.');
  });

  it('GIVEN DISCORD_INTENTS without an intent a plugin needs THEN doctor fails with BL_ERR_CLI_PLUGIN_INCOMPATIBLE naming it', async () => {
    vi.stubEnv('DISCORD_INTENTS', 'guilds');
    const result = await runInProcess(['--dir', app, 'plugins', 'doctor']);
    expect(result.stdout).toMatch(/^notes +\(gateway\) +guilds ok, 32768 MISSING, not_an_intent ok$/m);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_PLUGIN_INCOMPATIBLE: 1 problem\(s\):\n {2}notes: the bot identifies without the 32768 intent/);
  });

  it('GIVEN privacy erase THEN baseline and the plugin with a hook erase, and the plugin without one is not compliant', async () => {
    const result = await runInProcess(['--dir', app, 'privacy', 'erase', '123456789012345678']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^baseline +erased +authorized_users: 0, /m);
    expect(result.stdout).toMatch(/^notes +erased +notes: 2 \(totals kept\)$/m);
    expect(result.stdout).toMatch(/^fixture +not compliant +no deleteUserData hook: its data is still there$/m);
    expect(result.stdout).toMatch(/^correlation id: \S+$/m);
  });

  it('GIVEN a plugin whose hook throws THEN the report shows it failed and the command fails with BL_ERR_CLI_PLUGIN_INCOMPATIBLE', async () => {
    const failing = copyFixtureApp();
    installPluginPackage(failing, { name: 'leaky-plugin', id: 'leaky', deleteUserData: "throw new Error('disk on fire');" });
    const result = await runInProcess(['--dir', failing, 'privacy', 'erase', '123456789012345678']);
    expect(result.stdout).toMatch(/^leaky +failed +.*disk on fire$/m);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/BL_ERR_CLI_PLUGIN_INCOMPATIBLE: leaky failed to erase; see the logs with correlation id \S+/);
  });
});
