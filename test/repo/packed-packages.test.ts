// What a registry would receive: each publishable package packed by pnpm (which applies `publishConfig` and
// rewrites `workspace:` ranges), checked as a tarball by publint, @arethetypeswrong/cli and the rules of the
// design's "Distribution" section. Packs the current builds (`npm run build` first); that `prepack` builds a
// package from a clean checkout is proven by the registry tests, which publish from one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const packagesDir = join(root, 'packages');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  exports?: unknown;
  publishConfig?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
const packages = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, json: readManifest(dir) }))
  .filter(({ json }) => json.private !== true);
const versions = new Map(packages.map(({ json }) => [json.name, json.version]));

/** Files a published package may hold: its build, its docs and licence, and committed bin shims. */
const ALLOWED_FILE = /^(dist\/.+|bin\/[^/]+\.js|templates\/.+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
/** The library a bot must share with baseline: one copy in the app, so a peer dependency. */
const SHARED_LIBRARIES = ['discord.js', 'zod', '@sapphire/framework', '@mikro-orm/core', '@mikro-orm/migrations', 'react', 'react-dom', 'vite'];
const attw = join(root, 'node_modules', '.bin', 'attw');

let packDir: string;

beforeAll(() => {
  packDir = mkdtempSync(join(tmpdir(), 'baseline-packed-'));
});
afterAll(() => rmSync(packDir, { recursive: true, force: true }));

describe.each(packages)('packed $json.name', ({ dir, json }) => {
  let tarball: string;
  let files: string[];
  let packed: Manifest;

  beforeAll(() => {
    const out = join(packDir, `${json.name.replace(/[@/]/g, '_')}.tgz`);
    // The build is already there; the registry tests run prepack themselves.
    execFileSync('pnpm', ['pack', '--out', out, '--config.ignore-scripts=true'], { cwd: dir, stdio: 'pipe' });
    tarball = out;
    files = execFileSync('tar', ['tzf', out], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^package\//, ''));
    packed = JSON.parse(execFileSync('tar', ['xzOf', out, 'package/package.json'], { encoding: 'utf8' })) as Manifest;
  });

  it('GIVEN its tarball THEN it ships the build, README and LICENSE only (no sources, tests or configs)', () => {
    expect(files.filter((file) => !ALLOWED_FILE.test(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'README.md', 'LICENSE', 'package.json']));
    for (const target of Object.values(packed.bin ?? {})) expect(files, `bin ${target}`).toContain(target.replace(/^\.\//, ''));
  });

  it('GIVEN its packed package.json THEN no workspace: range or @baseline/source condition is left AND siblings are caret ranges of their current versions', () => {
    expect(JSON.stringify(packed)).not.toMatch(/workspace:|@baseline\/source/);
    expect(packed.publishConfig ?? {}).toEqual({ access: 'public' });
    for (const [name, range] of Object.entries({ ...packed.dependencies, ...packed.peerDependencies })) {
      if (versions.has(name)) expect(range, `${json.name} → ${name}`).toBe(`^${versions.get(name)}`);
    }
  });

  it('GIVEN the libraries a bot shares with it THEN they are caret peer dependencies, never plain dependencies, AND the workspace pins one version of each in devDependencies', () => {
    for (const [name, range] of Object.entries(packed.peerDependencies ?? {})) {
      expect(range, `${json.name}: peer ${name}`).toMatch(/^\^\d+\.\d+\.\d+$/);
      const pinned = json.devDependencies?.[name];
      // A sibling @baseline package (the bot's optional @baseline/testing) is the workspace's own copy.
      if (name.startsWith('@baseline/') && pinned?.startsWith('workspace:')) continue;
      expect(pinned, `${json.name}: ${name} is a peer, so the workspace pins it in devDependencies`).toMatch(/^\d+\.\d+\.\d+/);
      const [floorMajor] = range.slice(1).split('.');
      expect(pinned!.split('.')[0], `${json.name}: pinned ${name} ${pinned} is inside ${range}`).toBe(floorMajor);
    }
    for (const name of SHARED_LIBRARIES) expect(Object.keys(packed.dependencies ?? {}), `${json.name}: ${name}`).not.toContain(name);
  });

  it('GIVEN its tarball THEN publint (strict) reports nothing', async () => {
    const data = readFileSync(tarball);
    const { messages } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    expect(messages.map((message) => `${message.type} ${message.code} ${message.path.join('.')}`)).toEqual([]);
  });

  it('GIVEN its tarball THEN @arethetypeswrong/cli finds no problem for ESM consumers (profile esm-only)', { timeout: 180_000 }, () => {
    let output: string;
    try {
      // Entries that are not modules (the web-kit's ./styles.css) have no types to check.
      const assets = Object.keys((packed.exports ?? {}) as Record<string, unknown>).filter((entry) => /\.(css|json)$/.test(entry));
      const exclude = assets.length > 0 ? ['--exclude-entrypoints', ...assets] : [];
      output = execFileSync(attw, [tarball, '--profile', 'esm-only', '--format', 'json', ...exclude], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`attw failed for ${json.name}:\n${(error as { stdout?: string }).stdout ?? String(error)}`, { cause: error });
    }
    const { problems } = JSON.parse(output) as { problems: Record<string, { resolutionKind?: string; entrypoint?: string }[]> };
    // ESM-only packages: the CommonJS resolutions (node10, node16 from CJS) are out of scope by design.
    const relevant = Object.values(problems)
      .flat()
      .filter((problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs');
    expect(relevant).toEqual([]);
  });
});
