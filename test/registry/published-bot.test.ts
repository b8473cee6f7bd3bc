// The promise of the distribution design, from a registry only: baseline's packages published to Verdaccio
// through the changesets flow, installed into an app outside this repository by plain npm, next to a discord.js
// that is not the one baseline was built with; the bot starts and answers. Then a changeset releases a patch.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './clean-env.js';
import { runCommand } from './run-command.js';
import { startRegistry, type Registry } from './verdaccio.js';

const workspaceDiscordJs = (JSON.parse(readFileSync(join(repoRoot, 'packages/bot/package.json'), 'utf8')) as { devDependencies: Record<string, string> })
  .devDependencies['discord.js']!;

const startScript = `
import { createBot } from '@baseline/bot';
import { createDiscordEmulator } from '@baseline/testing';

const emulator = await createDiscordEmulator({
  seed: { users: [{ username: 'owner' }, { username: 'alice' }], guilds: [{ name: 'Demo', owner: 'owner', members: [{ user: 'alice' }] }] },
});
process.env.DISCORD_BOT_TOKEN = emulator.botToken;
process.env.DISCORD_API_BASE_URL = emulator.restUrl;
const bot = await createBot({ appDir: process.cwd(), handleSignals: false, healthServer: false, clientOptions: emulator.clientOptions() });
const guild = [...emulator.state.guilds.values()][0];
const alice = [...emulator.state.users.values()].find((user) => user.username === 'alice');
const reply = await emulator.invokeSlashCommand({ guildId: guild.id, userId: alice.id, name: 'status' }).reply();
console.log(JSON.stringify({ status: reply.embeds[0]?.title }));
await bot.close();
await emulator.close();
`;

/** Every installed copy of `name` under `dir`'s node_modules, as `path@version`. */
function installedCopies(dir: string, name: string): string[] {
  const found: string[] = [];
  const visit = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const paths = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((child) => join(modules, entry, child)) : [join(modules, entry)];
      for (const path of paths) {
        if (path.endsWith(`/${name}`)) found.push(`${path}@${(JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { version: string }).version}`);
        visit(join(path, 'node_modules'));
      }
    }
  };
  visit(join(dir, 'node_modules'));
  return found;
}

describe('baseline published to a registry', () => {
  let registry: Registry;
  let app: string;
  let database: TestDatabase;

  beforeAll(async () => {
    registry = await startRegistry();
    app = mkdtempSync(join(tmpdir(), 'baseline-app-'));
    database = await createTestDatabase();
    await registry.publishWorkspace({ version: '0.1.0' });
  });
  afterAll(async () => {
    await registry?.close();
    await database?.drop();
    if (app !== undefined) rmSync(app, { recursive: true, force: true });
  });

  it('GIVEN version 0.1.0 of every package published through changesets THEN each manifest has caret ranges for siblings and shared libraries and no workspace or source leftovers', async () => {
    const { stdout } = await runCommand('npm', ['view', '@baseline/bot@0.1.0', '--json'], { cwd: app, env: registry.npmEnv() });
    const manifest = JSON.parse(stdout) as Record<string, unknown> & { dist: { tarball: string } };
    expect(manifest.dist.tarball.startsWith(registry.url)).toBe(true);
    expect(manifest.dependencies).toMatchObject({ '@baseline/core': '^0.1.0' });
    // @baseline/testing is an optional peer: only an app that uses @baseline/bot/testing (the plugin harness) needs it.
    expect(manifest.peerDependencies).toEqual({
      '@baseline/testing': '^0.1.0',
      '@sapphire/framework': expect.stringMatching(/^\^5\./),
      'discord.js': expect.stringMatching(/^\^14\./),
      zod: expect.stringMatching(/^\^4\./),
    });
    expect(manifest.peerDependenciesMeta).toEqual({ '@baseline/testing': { optional: true } });
    expect(JSON.stringify(manifest)).not.toMatch(/workspace:|@baseline\/source/);
    for (const name of ['@baseline/core', '@baseline/testing', '@baseline/llm', '@baseline/api', '@baseline/web-kit']) {
      const { stdout: version } = await runCommand('npm', ['view', `${name}@0.1.0`, 'version'], { cwd: app, env: registry.npmEnv() });
      expect(version.trim()).toBe('0.1.0');
    }
  });

  it('GIVEN an app outside the repository with a different discord.js patch WHEN npm installs @baseline/bot from the registry THEN there is one discord.js AND createBot answers /status in the emulator AND the baseline-emulator command runs', async () => {
    const env = registry.npmEnv();
    const { stdout: peers } = await runCommand('npm', ['view', '@baseline/bot@0.1.0', 'peerDependencies', '--json'], { cwd: app, env });
    const range = (JSON.parse(peers) as Record<string, string>)['discord.js']!;
    const { stdout: candidates } = await runCommand('npm', ['view', `discord.js@${range}`, 'version', '--json'], { cwd: app, env });
    const versions = ([] as string[]).concat(JSON.parse(candidates) as string | string[]);
    const appDiscordJs = versions.filter((version) => version !== workspaceDiscordJs && !version.includes('-')).at(-1);
    expect(appDiscordJs, `a discord.js in ${range} other than the workspace's ${workspaceDiscordJs}`).toBeDefined();

    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'registry-app', private: true, type: 'module' }, null, 2));
    writeFileSync(join(app, 'start.mjs'), startScript);
    await runCommand('npm', ['install', '--no-audit', '--no-fund', '@baseline/bot@0.1.0', '@baseline/testing@0.1.0', `discord.js@${appDiscordJs}`], {
      cwd: app,
      env,
    });

    expect(installedCopies(app, 'discord.js')).toEqual([`${join(app, 'node_modules', 'discord.js')}@${appDiscordJs}`]);
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages['node_modules/@baseline/bot']?.resolved).toMatch(new RegExp(`^${registry.url}`));

    // The published bin is the committed shim loading the built command.
    const { stdout: help } = await runCommand(join(app, 'node_modules', '.bin', 'baseline-emulator'), ['--help'], { cwd: app, env });
    expect(help).toMatch(/^Usage: baseline-emulator/);

    const { stdout } = await runCommand('node', ['start.mjs'], {
      cwd: app,
      env: registry.npmEnv({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: database.url }),
      timeoutMs: 180_000,
    });
    expect(stdout.trim().split('\n').at(-1)).toBe(JSON.stringify({ status: 'Bot status' }));
  });

  it('GIVEN a changeset bumping @baseline/bot to 0.1.1 WHEN changeset version and publish run THEN 0.1.1 is published with its CHANGELOG entry AND the other packages stay at 0.1.0', async () => {
    await registry.publishWorkspace({ version: '0.1.1', packages: ['@baseline/bot'] });
    const env = registry.npmEnv();
    const { stdout: bot } = await runCommand('npm', ['view', '@baseline/bot', 'versions', 'dependencies', '--json'], { cwd: app, env });
    expect(JSON.parse(bot)).toMatchObject({ versions: ['0.1.0', '0.1.1'], dependencies: { '@baseline/core': '^0.1.0' } });
    const { stdout: core } = await runCommand('npm', ['view', '@baseline/core', 'versions', '--json'], { cwd: app, env });
    expect(JSON.parse(core)).toEqual(['0.1.0']);

    const packDir = mkdtempSync(join(tmpdir(), 'baseline-pack-'));
    try {
      await runCommand('npm', ['pack', '@baseline/bot@0.1.1'], { cwd: packDir, env });
      await runCommand('tar', ['xzf', 'baseline-bot-0.1.1.tgz'], { cwd: packDir, env });
      const changelog = readFileSync(join(packDir, 'package', 'CHANGELOG.md'), 'utf8');
      expect(changelog).toMatch(/^# @baseline\/bot\n\n## 0\.1\.1\n\n### Patch Changes\n\n- Release 0\.1\.1 of @baseline\/bot/);
    } finally {
      rmSync(packDir, { recursive: true, force: true });
    }
  });
});
