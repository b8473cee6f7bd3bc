// The code blocks of the getting-started and upgrading guides and of the CLI and scaffolder READMEs, checked
// against the built binaries: every `baseline …` line is a real command with real options, every
// `npx create-baseline-bot …` line scaffolds, every `npm run …` names a script of the template, and every
// TypeScript block compiles inside a scaffolded bot. (Installing from a registry and running the bot are what
// test/e2e-registry proves.)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { copyFixtureApp } from './support/run-cli.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DOCS = [
  'docs/getting-started.md',
  'docs/upgrading.md',
  'packages/cli/README.md',
  'packages/create-baseline-bot/README.md',
  'templates/bot/README.md',
  'templates/plugin/README.md',
];
const CREATE = join(repoRoot, 'packages', 'create-baseline-bot', 'dist', 'cli.js');
/** Lines that need no check beyond being what they say: moving around and copying a file. */
const PLAIN = [/^cd \S+$/, /^cp \.env\.example \.env$/, /^npm publish$/];

function blocks(file: string, language: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return [...text.matchAll(new RegExp('^( *)```' + language + '\\n([\\s\\S]*?)^\\1```', 'gm'))].map((match) =>
    match[2]!.replace(new RegExp(`^${match[1]}`, 'gm'), ''),
  );
}

const shellLines = DOCS.flatMap((file) =>
  blocks(file, 'sh').flatMap((block) =>
    block
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== '')
      .map((line) => [file, line] as const),
  ),
);
const scripts = (template: string) =>
  Object.keys((JSON.parse(readFileSync(join(repoRoot, 'templates', template, 'package.json'), 'utf8')) as { scripts: object }).scripts);

describe('shell blocks of the docs', () => {
  it('GIVEN the docs THEN they have shell blocks to check', () => {
    expect(shellLines.length).toBeGreaterThan(15);
  });

  it.each(shellLines)('GIVEN %s: %s THEN it is a real command', async (file, line) => {
    if (PLAIN.some((pattern) => pattern.test(line))) return;
    const words = line.replace(/<[^>]+>/g, '123456789012345678').split(/\s+/);
    if (words[0] === 'npx' && words[1] === 'create-baseline-bot') {
      const args = words.slice(2);
      const extra = ['--no-install', '--no-git', ...(args.includes('--yes') || args.includes('--template') ? [] : ['--yes'])];
      const cwd = copyFixtureApp();
      const result = await execa(process.execPath, [CREATE, ...args, ...extra, ...(args.includes('--template') ? ['--yes'] : [])], {
        cwd,
        reject: false,
        stdin: 'ignore',
        env: { NO_COLOR: '1' },
      });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      return;
    }
    const cli = words[0] === 'npx' && words[1] === 'baseline' ? words.slice(2) : words[0] === 'baseline' ? words.slice(1) : undefined;
    if (cli !== undefined) {
      const result = await runCli([...cli, '--help']);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      return;
    }
    const template = file.includes('plugin') ? 'plugin' : 'bot';
    if (words[0] === 'npm' && words[1] === 'run') return expect(scripts(template)).toContain(words[2]);
    if (words[0] === 'npm' && words.length === 2) return expect(scripts(template)).toContain(words[1]);
    if (words[0] === 'docker' && words[1] === 'compose') {
      // The compose file the line runs ships with the template, and a scaled service is one of its services
      // (test/deploy and create-baseline-bot's deploy-files test check the file itself).
      const compose = readFileSync(join(repoRoot, 'templates', template, 'docker-compose.yml'), 'utf8');
      for (const scaled of words.filter((word) => /^\w[\w-]*=\d+$/.test(word))) expect(compose).toMatch(new RegExp(`^  ${scaled.split('=')[0]}:$`, 'm'));
      return;
    }
    if (words[0] === 'kubectl') {
      // The manifests the line applies ship with the template, in the namespace it creates, and read the Secret it
      // creates (templates/bot's own kubernetes test checks the manifests themselves).
      const dir = join(repoRoot, 'templates', template, 'deploy', 'kubernetes');
      const manifests = ['api.yaml', 'bot.yaml', 'config.yaml', 'web.yaml'].map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
      if (words[1] === 'create' && words[2] === 'namespace') return expect(manifests).toContain(`namespace: ${words[3]}`);
      if (words[1] === 'create' && words[2] === 'secret') {
        expect(manifests).toContain(`name: ${words[4]}`);
        return expect(manifests).toContain(`namespace: ${words[words.indexOf('--namespace') + 1]}`);
      }
      if (words[1] === 'apply' && words[2] === '-k')
        return expect(readFileSync(join(repoRoot, 'templates', template, words[3]!, 'kustomization.yaml'), 'utf8')).toMatch(/^resources:/m);
    }
    throw new Error(`no check for the line "${line}" of ${file}: add one`);
  });
});

describe('TypeScript blocks of the docs', () => {
  it('GIVEN every ts block THEN it compiles in a scaffolded bot', { timeout: 240_000 }, async () => {
    const cwd = copyFixtureApp();
    const created = await execa(process.execPath, [CREATE, 'docs-bot', '--yes', '--no-install', '--no-git'], {
      cwd,
      reject: false,
      stdin: 'ignore',
      env: { NO_COLOR: '1' },
    });
    expect(created.exitCode).toBe(0);
    const app = join(cwd, 'docs-bot');
    const sources = DOCS.flatMap((file) => blocks(file, 'ts'));
    expect(sources.length).toBeGreaterThan(2);
    sources.forEach((source, index) => writeFileSync(join(app, 'src', `doc-block-${index}.ts`), source));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await execa(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app, reject: false });
    expect(result.stdout).toBe('');
    expect(result.exitCode).toBe(0);
  });
});
