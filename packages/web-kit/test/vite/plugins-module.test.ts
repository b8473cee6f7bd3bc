import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { pluginsModule } from '../../src/vite/plugins-module.js';

const appDir = fileURLToPath(new URL('../fixtures/plugin-app/', import.meta.url));
const outDir = fileURLToPath(new URL('../../test-output/plugin-app-dist/', import.meta.url));

describe('virtual:baseline/plugins', () => {
  it('GIVEN plugins whose web entry is fine, does not compile, or is missing THEN the build reports the broken ones by package name AND bundles the good one alone', async () => {
    const warnings: string[] = [];
    const result = (await build({
      root: appDir,
      configFile: false,
      logLevel: 'silent',
      plugins: [pluginsModule({ root: appDir })],
      build: { outDir, emptyOutDir: true, rollupOptions: { onwarn: (warning) => void warnings.push(warning.message) } },
    })) as Rollup.RollupOutput;
    const code = result.output.flatMap((item) => (item.type === 'chunk' ? [item.code] : [])).join('\n');
    expect(code).toContain('good-web-plugin-entry');
    const reported = warnings.filter((warning) => warning.includes('BL_ERR_WEB_PLUGIN_ENTRY'));
    expect(reported).toEqual([
      expect.stringMatching(/plugin package "broken-web-plugin".*does not compile/),
      expect.stringMatching(/plugin package "missing-web-plugin".*does not exist/),
    ]);
  });
});
