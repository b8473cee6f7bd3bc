import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandOnPage } from './support/emulator-page.js';
import { CLI, copyFixtureApp, runCli } from './support/run-cli.js';

/** Waits until `read()` matches, for at most two minutes. */
async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const match = pattern.exec(read());
    if (match !== null) return match;
    await sleep(100);
  }
  throw new Error(`never saw ${pattern} in:\n${read()}`);
}

describe('baseline dev and start', () => {
  let database: TestDatabase;
  let app: string;
  let child: ResultPromise | undefined;
  const env = () => ({ NO_COLOR: '1', LOG_LEVEL: 'warn', DATABASE_URL: database.url, API_PORT: '0', HEALTH_PORT: '0' });
  beforeAll(async () => {
    database = await createTestDatabase();
    app = copyFixtureApp();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await database?.drop();
  });

  it(
    'GIVEN dev against the emulator WHEN a cog file is saved THEN the command answers with the new code without a restart, AND SIGTERM stops it with exit 0',
    { timeout: 240_000 },
    async () => {
      let stdout = '';
      let stderr = '';
      child = execa(process.execPath, [CLI, '--dir', app, 'dev', '--no-dashboard'], { env: env(), reject: false, stdin: 'ignore' });
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [, page] = await waitFor(() => stdout, /emulator\s+(http:\/\/127\.0\.0\.1:\d+\/)/);
      expect(stdout).toMatch(/baseline is running against the Discord emulator \(plugins: fixture\)/);
      expect(stdout).toMatch(/API reference\s+http:\/\/127\.0\.0\.1:\d+\/api\/v1\/docs/);
      expect(await runCommandOnPage(page!, { name: 'ping' })).toBe('pong');

      const cog = join(app, 'src', 'ping-cog.ts');
      writeFileSync(cog, readFileSync(cog, 'utf8').replace("interaction.reply('pong')", "interaction.reply('pong, edited')"));
      await waitFor(() => stderr, /reloaded ping/);
      expect(await runCommandOnPage(page!, { name: 'ping' })).toBe('pong, edited');

      child.kill('SIGTERM');
      const result = await child;
      expect(result.exitCode).toBe(0);
      child = undefined;
    },
  );

  it('GIVEN a build in dist/ WHEN start runs THEN the built bot answers, with the API', { timeout: 240_000 }, async () => {
    const built = copyFixtureApp();
    // What `npm run build` leaves: the app module as JavaScript (the fixture's cog needs no compilation).
    writeFileSync(join(built, 'package.json'), JSON.stringify({ name: 'built-app', private: true, type: 'module' }));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(built, 'dist'));
    writeFileSync(
      join(built, 'dist', 'app.js'),
      `import { defineApp } from '@baseline/cli';
import { Cog, slashCommand } from '@baseline/bot';
import { definePlugin } from '@baseline/core';
class BuiltCog extends Cog {
  static meta = { name: 'built' };
  commands = [slashCommand({ data: { name: 'built', description: 'From dist' }, run: (interaction) => interaction.reply('from dist') })];
}
export default defineApp({ plugins: [definePlugin({ id: 'built', name: 'Built', version: '1.0.0', cogs: [BuiltCog] })] });
`,
    );
    let stdout = '';
    child = execa(process.execPath, [CLI, '--dir', built, 'start'], { env: env(), reject: false, stdin: 'ignore' });
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [, page] = await waitFor(() => stdout, /emulator\s+(http:\/\/127\.0\.0\.1:\d+\/)/);
    const [, health] = await waitFor(() => stdout, /health\s+(http:\/\/\S+)/);
    expect((await fetch(health!)).status).toBe(200);
    expect(await runCommandOnPage(page!, { name: 'built' })).toBe('from dist');
    child.kill('SIGTERM');
    expect((await child).exitCode).toBe(0);
    child = undefined;
  });

  it('GIVEN commands plan against the emulator THEN it prints a table of what a sync would create, and writes nothing', async () => {
    const result = await runCli(['--dir', app, 'commands', 'plan'], { env: env() });
    expect(result.stderr).not.toMatch(/error/);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^scope +change +command$/m);
    expect(result.stdout).toMatch(/^global +create +\/ping$/m);
    expect(result.stdout).toMatch(/^global +create +\/status$/m);
    expect(result.stdout).toContain('Plan against the Discord emulator (no DISCORD_BOT_TOKEN); nothing written.');
  });

  it('GIVEN plugins list THEN the local plugin is listed with its permissions', async () => {
    const result = await runCli(['--dir', app, 'plugins', 'list'], { env: env() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^plugin +package +version +baseline range +intents +permissions$/m);
    expect(result.stdout).toMatch(/^fixture +\(local\) +1\.0\.0 +- +SendMessages$/m);
  });

  it('GIVEN plugins doctor THEN each guild of the emulator is checked for the permissions the plugin needs', async () => {
    const result = await runCli(['--dir', app, 'plugins', 'doctor'], { env: env() });
    expect(result.stdout).toMatch(/^fixture +\(gateway\) +-$/m);
    expect(result.stdout).toMatch(/^fixture +Baseline Demo \(\d+\) +SendMessages (ok|MISSING)$/m);
    expect(result.stdout).toMatch(/^fixture +not compliant: no deleteUserData hook +no endUserData statement in the manifest$/m);
    if (String(result.stdout).includes('MISSING')) {
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/BL_ERR_CLI_PLUGIN_INCOMPATIBLE: .*the bot lacks SendMessages in guild/s);
    } else {
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('every plugin has what it needs.');
    }
  });

  it('GIVEN privacy erase with a user id THEN baseline erases and the plugin without a hook is reported not compliant', async () => {
    const result = await runCli(['--dir', app, 'privacy', 'erase', '123456789012345678'], { env: env() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^baseline +erased +authorized_users: 0, /m);
    expect(result.stdout).toMatch(/^fixture +not compliant +no deleteUserData hook: its data is still there$/m);
  }, 60_000);

  it('GIVEN privacy erase with something that is not a user id THEN it exits 1 with a coded error and an example', async () => {
    const result = await runCli(['--dir', app, 'privacy', 'erase', 'alice'], { env: env() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /BL_ERR_CLI_INVALID_ARGUMENT: "alice" is not a Discord user id: pass 17 to 20 digits, e\.g\. baseline privacy erase 123456789012345678/,
    );
  });
});
