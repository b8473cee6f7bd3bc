import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExampleDashboard, TEST_OUTPUT_DIR, type BuiltDashboard } from '../support/build-dashboard.js';

const INITIAL_JS_BUDGET_BYTES = 150 * 1024;

/** The entry chunk and every chunk it imports statically: what the browser must load before the first render. */
function initialChunks(built: BuiltDashboard) {
  const byName = new Map(built.chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of built.chunks) if (chunk.isEntry) visit(chunk.fileName);
  return [...seen].map((fileName) => byName.get(fileName)!);
}

const gzipped = (code: string) => gzipSync(code).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('the dashboard production build budget (examples/bot/web)', () => {
  let built: BuiltDashboard;
  beforeAll(async () => {
    built = await buildExampleDashboard(join(TEST_OUTPUT_DIR, 'budget-dist'));
  }, 120_000);

  it('GIVEN the production build THEN the initial JavaScript is at most 150 kB gzipped AND no plugin code is in it', () => {
    const initial = initialChunks(built);
    const initialBytes = initial.reduce((sum, chunk) => sum + gzipped(chunk.code), 0);
    const lazy = built.chunks.filter((chunk) => !initial.includes(chunk));
    // The report docs/benchmarks.md quotes.
    console.info(
      [
        `initial JS: ${kb(initialBytes)} gzipped in ${initial.length} chunks (${initial.map((chunk) => chunk.fileName).join(', ')})`,
        ...lazy.map((chunk) => `lazy ${chunk.fileName}: ${kb(gzipped(chunk.code))} gzipped`),
        'largest modules of the initial chunks (rendered, before gzip):',
        ...initial
          .flatMap((chunk) => Object.entries(chunk.modules))
          .sort((a, b) => b[1].renderedLength - a[1].renderedLength)
          .slice(0, 12)
          .map(([id, module]) => `  ${kb(module.renderedLength)} ${id.replace(/^.*node_modules\//, '')}`),
      ].join('\n'),
    );
    expect(initialBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
    const pluginModules = initial.flatMap((chunk) => Object.keys(chunk.modules)).filter((id) => id.includes('plugin-reference'));
    expect(pluginModules).toEqual([]);
    expect(lazy.some((chunk) => Object.keys(chunk.modules).some((id) => id.includes('plugin-reference/src/web/waves-page')))).toBe(true);
  });
});
