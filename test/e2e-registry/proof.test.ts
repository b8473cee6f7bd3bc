// The proof of the design card, from a local registry only (Verdaccio on 127.0.0.1, see test/registry): a bot
// scaffolded by `npx create-baseline-bot` from published packages passes its tests and answers in the emulator; a
// plugin scaffolded with `--template plugin`, built and published, joins it through `baseline add`; a patch of
// @baseline/bot that changes what /status answers, published with a changeset, arrives through `baseline upgrade`
// without touching the bot's files.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyOnPage, runCommandOnPage } from '../../packages/cli/test/support/emulator-page.js';
import { runCommand } from '../registry/run-command.js';
import { startRegistry, type Registry } from '../registry/verdaccio.js';
import { startGeneratedBot } from './running-app.js';

/** sha256 of every file the bot's author owns (not node_modules, builds, the embedded database or package files). */
function authorFiles(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      if (['node_modules', '.baseline', '.git', 'dist', 'package.json', 'package-lock.json'].includes(entry)) continue;
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) visit(path);
      else hashes[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  visit(dir);
  return hashes;
}

const version = (dir: string, name: string) =>
  (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('from npx create-baseline-bot to baseline upgrade, through a registry', () => {
  let registry: Registry;
  let work: string;
  let bot: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    registry = await startRegistry();
    work = mkdtempSync(join(tmpdir(), 'baseline-proof-'));
    bot = join(work, 'my-bot');
    env = registry.npmEnv();
  });
  afterAll(async () => {
    await registry?.close();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('step 1: GIVEN the workspace THEN version 0.1.0 of every package, the CLI and the scaffolder is published', async () => {
    await registry.publishWorkspace({ version: '0.1.0' });
    for (const name of ['create-baseline-bot', '@baseline/cli', '@baseline/bot']) {
      const { stdout } = await runCommand('npm', ['view', `${name}@0.1.0`, 'version'], { cwd: work, env });
      expect(stdout.trim()).toBe('0.1.0');
    }
  });

  it('step 2: GIVEN npx create-baseline-bot my-bot --yes THEN its npm test passes AND it answers /greet in the emulator', async () => {
    const created = await runCommand('npx', ['--yes', 'create-baseline-bot@0.1.0', 'my-bot', '--yes'], { cwd: work, env });
    expect(created.stdout).toContain('Your bot my-bot is ready.');
    const pkg = JSON.parse(readFileSync(join(bot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@baseline/bot']).toBe('^0.1.0');
    const lock = JSON.parse(readFileSync(join(bot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages['node_modules/@baseline/bot']?.resolved ?? '').toMatch(new RegExp(`^${registry.url}`));

    const tests = await runCommand('npm', ['test'], { cwd: bot, env: { ...env, CI: 'true' } });
    // eslint-disable-next-line no-control-regex -- Vitest colours its summary even without a terminal.
    const summary = `${tests.stdout}${tests.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    // Every test file the template ships ran, and every test in them passed.
    const testFiles = readdirSync(join(bot, 'test')).filter((name) => name.endsWith('.test.ts')).length;
    expect(testFiles).toBeGreaterThanOrEqual(3);
    expect(summary).toMatch(new RegExp(`Test Files\\s+${testFiles} passed \\(${testFiles}\\)`));
    expect(summary).toMatch(/Tests\s+(\d+) passed \(\1\)/);

    const running = await startGeneratedBot(bot, env);
    try {
      expect(await runCommandOnPage(running.page, { name: 'greet' })).toBe('Hello, alice!');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });

  it('step 3: GIVEN a plugin scaffolded with --template plugin, built and published WHEN baseline add installs it THEN its migration ran AND its command answers', async () => {
    await runCommand('npx', ['--yes', 'create-baseline-bot@0.1.0', '@proof/notes', '--template', 'plugin', '--yes', '--no-git'], { cwd: work, env });
    const plugin = join(work, 'notes');
    await runCommand('npm', ['run', 'build'], { cwd: plugin, env });
    expect(readdirSync(join(plugin, 'dist'))).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'web.js']));
    await runCommand('npm', ['publish'], { cwd: plugin, env });

    const added = await runCommand('npx', ['--no-install', 'baseline', 'add', '@proof/notes@0.1.0'], { cwd: bot, env });
    expect(added.stdout).toContain('added plugin notes (@proof/notes 0.1.0, supports baseline ^0.1.0)');
    expect(added.stdout).toContain('migrations: applied 0001_create_notes');
    const status = await runCommand('npx', ['--no-install', 'baseline', 'migrate', 'status'], { cwd: bot, env: { ...env, NO_COLOR: '1' } });
    expect(status.stdout).toMatch(/^notes +0001_create_notes +executed /m);

    const running = await startGeneratedBot(bot, env);
    try {
      expect(await runCommandOnPage(running.page, { name: 'note', subcommand: 'add', options: { text: 'from the registry' } })).toBe('Noted.');
      expect(await runCommandOnPage(running.page, { name: 'note', subcommand: 'count' })).toBe('You keep 1 note(s) here.');
      // What step 4's upgrade changes: /status, @baseline/bot's built-in command, as 0.1.0 answers it.
      expect((await replyOnPage(running.page, { name: 'status' })).embeds[0]?.title).toBe('Bot status');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });

  it('step 4: GIVEN @baseline/bot 0.1.1 published with a visible change and a changeset WHEN baseline upgrade runs THEN it shows the changelog entry, /status answers the new way AND the bot files are unchanged', async () => {
    const before = authorFiles(bot);
    // A maintainer's patch release: /status's embed gets a new title, described by the changeset.
    await registry.publishWorkspace({
      version: '0.1.1',
      packages: ['@baseline/bot'],
      edits: [
        {
          file: 'packages/bot/src/status/format-status.ts',
          find: ".setTitle(t('status.title'))",
          replace: ".setTitle(`${t('status.title')}, checked just now`)",
        },
      ],
      summary: 'The /status embed is titled "Bot status, checked just now".',
    });
    const upgraded = await runCommand('npx', ['--no-install', 'baseline', 'upgrade', '--yes'], { cwd: bot, env: { ...env, NO_COLOR: '1' } });
    expect(upgraded.stdout).toContain('@baseline/bot 0.1.0 → 0.1.1');
    expect(upgraded.stdout).toMatch(/## 0\.1\.1\n### Patch Changes\n\n- The \/status embed is titled "Bot status, checked just now"\./);
    expect(upgraded.stdout).toContain('Pending migrations');
    expect(version(bot, '@baseline/bot')).toBe('0.1.1');
    expect((JSON.parse(readFileSync(join(bot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['@baseline/bot']).toBe(
      '^0.1.1',
    );
    expect(authorFiles(bot)).toEqual(before);

    const running = await startGeneratedBot(bot, env);
    try {
      expect((await replyOnPage(running.page, { name: 'status' })).embeds[0]?.title).toBe('Bot status, checked just now');
      expect(await runCommandOnPage(running.page, { name: 'greet' })).toBe('Hello, alice!');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});
