import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import prompts from 'prompts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcess } from './support/create-in-process.js';
import { emptyDir } from './support/run-create.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, string>>;

// The in-process twin of cli.test.ts: the same program, called here so coverage sees the scaffolder's branches.
describe('create-baseline-bot, in this process', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('GIVEN --yes THEN it writes the bot with the dashboard and the example plugin, and prints the npm next steps', async () => {
    vi.stubEnv('npm_config_user_agent', 'npm/11.0.0 node/v22');
    const dir = join(emptyDir(), 'my-bot');
    const result = await createInProcess([dir, '--yes', '--no-install', '--no-git']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Scaffolding bot my-bot in ${dir}`);
    expect(result.stdout).toMatch(/Your bot my-bot is ready\. Next:\n\n {2}cd .*my-bot\n {2}npm install\n {2}npm run dev/);
    expect(existsSync(join(dir, 'web', 'vite.config.ts'))).toBe(true);
    expect(existsSync(join(dir, 'src', 'plugins', 'counter', 'index.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'src', 'plugins', 'index.ts'), 'utf8')).toContain('export const plugins = [greeter, counter];');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).not.toContain('@baseline-templates/bot');
  });

  it('GIVEN flags for every answer THEN the installers follow them, and the next steps use pnpm', async () => {
    const dir = join(emptyDir(), 'lean-bot');
    const result = await createInProcess([
      dir,
      '--package-manager',
      'pnpm',
      '--plugins',
      'none',
      '--llm',
      'google, xai',
      '--no-dashboard',
      '--no-install',
      '--no-git',
    ]);
    expect(result.exitCode).toBe(0);
    const pkg = readJson(join(dir, 'package.json'));
    expect(existsSync(join(dir, 'web'))).toBe(false);
    expect(pkg['scripts']!['build']).toBe('tsc -p tsconfig.build.json');
    expect(Object.keys(pkg['dependencies']!)).toEqual([...Object.keys(pkg['dependencies']!)].sort());
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toMatch(/LLM_DEFAULT_PROVIDER=google\n# GOOGLE_API_KEY=\n# XAI_API_KEY=/);
    expect(result.stdout).toContain('pnpm install');
    expect(result.stdout).toContain('pnpm dev');
  });

  it('GIVEN --dashboard, --plugins counter and an empty --llm THEN the dashboard and counter stay and no provider is added', async () => {
    const dir = join(emptyDir(), 'full-bot');
    const result = await createInProcess([dir, '--dashboard', '--plugins', 'counter', '--llm', '', '--package-manager', 'npm', '--no-install', '--no-git']);
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(dir, 'web'))).toBe(true);
    expect(readJson(join(dir, 'package.json'))['dependencies']).not.toHaveProperty('@baseline/llm');
  });

  it('GIVEN a scoped name and --template plugin THEN the plugin goes to a folder named after the package, in the cwd', async () => {
    const cwd = emptyDir();
    const previous = process.cwd();
    process.chdir(cwd);
    try {
      const result = await createInProcess(['@acme/notes', '--template', 'plugin', '--yes', '--no-install', '--no-git']);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/Your plugin @acme\/notes is ready\. Next:\n\n {2}cd notes\n/);
      expect(result.stdout).toContain('# dist/, what the "baseline" manifest points at');
    } finally {
      process.chdir(previous);
    }
    expect(readJson(join(cwd, 'notes', 'package.json'))['baseline']).toMatchObject({ entry: './dist/index.js' });
  });

  it('GIVEN a folder with more than three files THEN it refuses with BL_ERR_CREATE_TARGET_NOT_EMPTY listing three; --force writes over it', async () => {
    const dir = join(emptyDir(), 'taken');
    mkdirSync(dir);
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) writeFileSync(join(dir, name), name);
    const refused = await createInProcess([dir, '--yes', '--no-install', '--no-git']);
    expect(refused.error?.code).toBe('BL_ERR_CREATE_TARGET_NOT_EMPTY');
    expect(refused.error?.message).toContain('is not empty (a.txt, b.txt, c.txt, …)');
    const forced = await createInProcess([dir, '--yes', '--force', '--no-install', '--no-git']);
    expect(forced.exitCode).toBe(0);
    expect(existsSync(join(dir, 'package.json'))).toBe(true);
  });

  it('GIVEN no terminal and no --yes THEN it refuses with BL_ERR_CREATE_NO_TERMINAL', async () => {
    const result = await createInProcess([join(emptyDir(), 'quiet-bot'), '--no-install']);
    expect(result.error?.code).toBe('BL_ERR_CREATE_NO_TERMINAL');
  });

  it('GIVEN a terminal THEN the missing answers are asked, and the project follows them', async () => {
    const stdin = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
    Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
    prompts.inject(['npm', [], [], false]);
    const dir = join(emptyDir(), 'asked-bot');
    try {
      const result = await createInProcess([dir, '--no-install', '--no-git']);
      expect(result.exitCode).toBe(0);
    } finally {
      if (stdin === undefined) delete (process.stdin as { isTTY?: boolean }).isTTY;
      else Object.defineProperty(process.stdin, 'isTTY', stdin);
    }
    expect(existsSync(join(dir, 'web'))).toBe(false);
    expect(existsSync(join(dir, 'src', 'plugins', 'counter'))).toBe(false);
  });

  it.each([
    [['x-bot', '--yes', '--llm', 'openai,skynet'], /--llm does not know skynet: choose from openai, anthropic, google, xai, or "none"/],
    [['x-bot', '--yes', '--plugins', 'polls'], /--plugins does not know polls/],
    [['Bad Name', '--yes'], /"Bad Name" cannot be a package name/],
  ])('GIVEN %j THEN it refuses with BL_ERR_CREATE_INVALID_ANSWER before writing', async (args, message) => {
    const result = await createInProcess(args);
    expect(result.error?.code).toBe('BL_ERR_CREATE_INVALID_ANSWER');
    expect(result.error?.message).toMatch(message);
  });

  it('GIVEN a template that does not exist THEN commander refuses with exit 1', async () => {
    const result = await createInProcess(['x-bot', '--template', 'site']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/option '-t, --template <name>' argument 'site' is invalid/);
  });

  it('GIVEN git is there THEN the project is a repository with a first commit', async () => {
    const dir = join(emptyDir(), 'git-bot');
    const result = await createInProcess([dir, '--yes', '--no-install']);
    expect(result.stdout).toContain('Created a git repository.');
    expect(existsSync(join(dir, '.git'))).toBe(true);
  });

  it('GIVEN no git on the PATH THEN the project is written without a repository, and that is no failure', async () => {
    vi.stubEnv('PATH', mkdtempSync(join(emptyDir(), 'bin-')));
    const dir = join(emptyDir(), 'plain-bot');
    const result = await createInProcess([dir, '--yes', '--no-install']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('Created a git repository.');
    expect(existsSync(join(dir, '.git'))).toBe(false);
  });

  it('GIVEN --help THEN every flag and an example are shown', async () => {
    const result = await createInProcess(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('$ npx create-baseline-bot my-bot');
  });
});
