import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { emptyDir, runCreate } from './support/run-create.js';

const range = `^${packageJson.version}`;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, string>>;

describe('create-baseline-bot (the built binary)', () => {
  it('GIVEN --yes without a terminal THEN it writes the bot with caret ranges of its own version, renamed dot-files and the next steps', async () => {
    const cwd = emptyDir();
    const result = await runCreate(['my-bot', '--yes', '--no-install', '--no-git'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const dir = join(cwd, 'my-bot');
    const pkg = readJson(join(dir, 'package.json'));
    expect(pkg['name']).toBe('my-bot');
    expect(pkg['dependencies']).toMatchObject({ '@baseline/bot': range, '@baseline/core': range, '@baseline/cli': range, '@baseline/web-kit': range });
    expect(pkg['devDependencies']).toMatchObject({ '@baseline/testing': range });
    expect(JSON.stringify(pkg)).not.toContain('workspace:');
    expect(existsSync(join(dir, '.gitignore'))).toBe(true);
    expect(existsSync(join(dir, '.env.example'))).toBe(true);
    expect(existsSync(join(dir, '_gitignore'))).toBe(false);
    expect(existsSync(join(dir, 'web', 'vite.config.ts'))).toBe(true);
    expect(existsSync(join(dir, 'test', 'dashboard.test.ts'))).toBe(true);
    expect(existsSync(join(dir, 'src', 'plugins', 'counter', 'index.ts'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(result.stdout).toContain('Your bot my-bot is ready. Next:');
    expect(result.stdout).toContain('npm install');
    expect(result.stdout).toContain('npm run dev');
  });

  it('GIVEN flags for every answer THEN the installers follow them: no dashboard, no example plugin, LLM providers', async () => {
    const cwd = emptyDir();
    const result = await runCreate(
      ['lean-bot', '--package-manager', 'pnpm', '--plugins', 'none', '--llm', 'openai,anthropic', '--no-dashboard', '--no-install', '--no-git'],
      { cwd },
    );
    expect(result.exitCode).toBe(0);
    const dir = join(cwd, 'lean-bot');
    const pkg = readJson(join(dir, 'package.json'));
    expect(existsSync(join(dir, 'web'))).toBe(false);
    expect(pkg['dependencies']).not.toHaveProperty('@baseline/web-kit');
    expect(pkg['devDependencies']).not.toHaveProperty('vite');
    expect(pkg['scripts']!['build']).toBe('tsc -p tsconfig.build.json');
    expect(pkg['scripts']!['typecheck']).toBe('tsc -p tsconfig.json');
    for (const name of ['react', 'react-dom']) expect(pkg['dependencies']).not.toHaveProperty(name);
    expect(existsSync(join(dir, 'test', 'dashboard.test.ts'))).toBe(false);
    expect(pkg['dependencies']).toMatchObject({ '@baseline/llm': range });
    expect(existsSync(join(dir, 'src', 'plugins', 'counter'))).toBe(false);
    expect(readFileSync(join(dir, 'src', 'plugins', 'index.ts'), 'utf8')).toContain('export const plugins = [greeter];');
    expect(readFileSync(join(dir, 'src', 'app.ts'), 'utf8')).toContain('defineApp({ plugins, extensions: [llmExtension()] })');
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toMatch(/LLM_DEFAULT_PROVIDER=openai\n# OPENAI_API_KEY=\n# ANTHROPIC_API_KEY=/);
    expect(result.stdout).toContain('pnpm install');
  });

  it('GIVEN --template plugin THEN it writes a publishable plugin whose manifest points at built files', async () => {
    const cwd = emptyDir();
    const result = await runCreate(['@acme/notes', '--template', 'plugin', '--yes', '--no-install', '--no-git'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Your plugin @acme/notes is ready.');
    const pkg = readJson(join(cwd, 'notes', 'package.json'));
    expect(pkg['name']).toBe('@acme/notes');
    expect(pkg['private']).toBeUndefined();
    expect(pkg['baseline']).toEqual({ entry: './dist/index.js', web: './dist/web.js', baselineVersion: range });
    expect(pkg['peerDependencies']).toMatchObject({ '@baseline/bot': range, '@baseline/core': range });
    expect(pkg['devDependencies']).toMatchObject({ '@baseline/testing': range, tsup: expect.any(String) });
    for (const file of [
      'src/index.ts',
      'src/notes-cog.ts',
      'src/settings.ts',
      'src/migrations/0001-create-notes.ts',
      'src/web.ts',
      'test/notes-plugin.test.ts',
      'tsup.config.ts',
      '.gitignore',
    ]) {
      expect(existsSync(join(cwd, 'notes', file)), file).toBe(true);
    }
  });

  it('GIVEN a folder that is not empty THEN it refuses with BL_ERR_CREATE_TARGET_NOT_EMPTY and writes nothing; --force writes over it', async () => {
    const cwd = emptyDir();
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine');
    const refused = await runCreate(['taken', '--yes', '--no-install', '--no-git'], { cwd });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(
      /^error BL_ERR_CREATE_TARGET_NOT_EMPTY: .*taken is not empty \(notes\.txt\): choose another name, empty it, or pass --force/,
    );
    expect(existsSync(join(cwd, 'taken', 'package.json'))).toBe(false);
    const forced = await runCreate(['taken', '--yes', '--force', '--no-install', '--no-git'], { cwd });
    expect(forced.exitCode).toBe(0);
    expect(existsSync(join(cwd, 'taken', 'package.json'))).toBe(true);
    expect(readFileSync(join(cwd, 'taken', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('GIVEN no terminal and no --yes THEN it exits 1 with BL_ERR_CREATE_NO_TERMINAL', async () => {
    const result = await runCreate(['quiet-bot', '--no-install'], { cwd: emptyDir() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error BL_ERR_CREATE_NO_TERMINAL: no terminal to ask on: pass --yes/);
  });

  it.each([
    [
      ['x-bot', '--yes', '--llm', 'openai,skynet'],
      /BL_ERR_CREATE_INVALID_ANSWER: --llm does not know skynet: choose from openai, anthropic, google, xai, or "none"/,
    ],
    [['x-bot', '--yes', '--plugins', 'polls'], /BL_ERR_CREATE_INVALID_ANSWER: --plugins does not know polls/],
    [['Bad Name', '--yes'], /BL_ERR_CREATE_INVALID_ANSWER: "Bad Name" cannot be a package name/],
    [['x-bot', '--template', 'site'], /option '-t, --template <name>' argument 'site' is invalid/],
  ])('GIVEN %j THEN it exits 1 with a clear message', async (args, message) => {
    const result = await runCreate(args, { cwd: emptyDir() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('GIVEN git is there and --no-install THEN the project is a repository with a first commit', async () => {
    const cwd = emptyDir();
    const result = await runCreate(['git-bot', '--yes', '--no-install'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(cwd, 'git-bot', '.git'))).toBe(true);
    expect(result.stdout).toContain('Created a git repository.');
  });

  it('GIVEN --help THEN every flag and an example are shown', async () => {
    const result = await runCreate(['--help'], { cwd: emptyDir() });
    expect(result.exitCode).toBe(0);
    for (const flag of ['--template', '--package-manager', '--plugins', '--llm', '--no-dashboard', '--yes', '--force', '--no-install', '--no-git'])
      expect(result.stdout).toContain(flag);
    expect(result.stdout).toContain('$ npx create-baseline-bot my-bot');
  });
});
