// Every published package must be consumable from its build alone: a checked `exports` map with types first
// after the source condition, `./package.json` exported, ESM only, and a clean publint report. The source
// condition serves the workspace only: `publishConfig.exports` (applied by pnpm when packing) leaves it out.
// What is actually packed is checked in packed-packages.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as CoreErrors from '@baseline/core/errors';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const packagesDir = join(root, 'packages');
const packages = readdirSync(packagesDir)
  .filter((name) => existsSync(join(packagesDir, name, 'package.json')))
  .map((name) => ({ dir: join(packagesDir, name), json: JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8')) }))
  .filter(({ json }) => !json.private);

describe.each(packages)('package $json.name', ({ dir, json }) => {
  it('GIVEN its package.json THEN it is an ESM package with a checked exports map', () => {
    expect(json.type).toBe('module');
    expect(json.license).toBe('MIT');
    expect(json.exports['./package.json']).toBe('./package.json');
    const main = json.exports['.'];
    expect(Object.keys(main)).toEqual(['@baseline/source', 'types', 'import']);
    expect(main.types).toMatch(/^\.\/dist\/.*\.d\.ts$/);
    expect(json.engines.node).toBe('>=22.18.0');
  });

  it('GIVEN its package.json THEN it builds before it is packed, publishes its exports without the source condition, and ships no sources', () => {
    expect(json.scripts.prepack).toBe('pnpm run build');
    // Every entry point (`.`, `./testing`, `./vite`…) is published without the source condition; a plain file export
    // (a stylesheet) may point at its built copy.
    const published = Object.fromEntries(
      Object.entries<unknown>(json.exports).map(([key, value]) => {
        if (typeof value !== 'object' || value === null) return [key, expect.any(String)];
        const { '@baseline/source': _source, ...rest } = value as Record<string, unknown>;
        return [key, rest];
      }),
    );
    expect(json.publishConfig).toMatchObject({ access: 'public', exports: published });
    expect(json.files).not.toContain('src');
    expect(existsSync(join(dir, 'LICENSE')), `${json.name}: LICENSE is missing (copy the root LICENSE)`).toBe(true);
  });

  it('GIVEN its bin commands THEN each points at a committed file, so pnpm links it on a fresh clone before any build', () => {
    for (const [command, target] of Object.entries<string>(json.bin ?? {})) {
      expect(target, `${json.name}: bin ${command}`).not.toMatch(/^(\.\/)?dist\//);
      expect(existsSync(join(dir, target)), `${json.name}: bin ${command} → ${target}`).toBe(true);
    }
  });

  it('GIVEN its build THEN every exported file exists AND publint reports no errors or warnings', async () => {
    const main = json.exports['.'];
    for (const target of [main.types, main.import, main['@baseline/source']]) {
      expect(existsSync(join(dir, target)), `${json.name}: ${target} is missing; run \`npm run build\``).toBe(true);
    }
    const { messages } = await publint({ pkgDir: dir, level: 'warning', strict: true });
    expect(messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`)).toEqual([]);
  });
});

describe('@baseline/core build', () => {
  it('GIVEN its entry points THEN BaselineError is one class through each, so a package built on `@baseline/core/errors` throws what the main entry recognises', async () => {
    const dist = join(packagesDir, 'core', 'dist');
    const errors = (await import(join(dist, 'errors.js'))) as typeof CoreErrors;
    const main = (await import(join(dist, 'index.js'))) as typeof CoreErrors;
    expect(errors.BaselineError).toBe(main.BaselineError);
    expect(main.isBaselineError(new errors.BaselineError('BL_ERR_TEST', 'thrown through the light entry'), 'BL_ERR_TEST')).toBe(true);
  });
});
