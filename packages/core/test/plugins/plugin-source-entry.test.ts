import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverPlugins } from '../../src/plugins/discover-plugins.js';
import { pluginSourceMode } from '../../src/plugins/plugin-source-mode.js';
import { createCaptureLogger } from '../../src/testing/index.js';

// Two workspace plugins that were never built: one names its TypeScript `source`, one does not.
const appDir = realpathSync(fileURLToPath(new URL('../fixtures/source-app', import.meta.url)));
const discover = (preferSource?: boolean) =>
  discoverPlugins({ appDir, baselineVersion: '0.1.0', logger: createCaptureLogger().logger, ...(preferSource === undefined ? {} : { preferSource }) });

describe('plugin source entries', () => {
  it('GIVEN the tests run baseline from its sources THEN source mode is on', () => {
    expect(pluginSourceMode()).toBe(true);
  });

  it('GIVEN a manifest with "source" and no build, in source mode THEN the plugin loads from its TypeScript source (regression: skipped with BL_ERR_PLUGIN_ENTRY_IMPORT)', async () => {
    const result = await discover();
    expect(result.plugins.map((loaded) => loaded.id)).toEqual(['from-source']);
    expect(result.plugins[0]!.manifest).toEqual({ entry: './dist/index.js', source: './src/index.ts', baselineVersion: '^0.1.0' });
  });

  it('GIVEN an unbuilt plugin without "source" THEN BL_ERR_PLUGIN_ENTRY_IMPORT says to build it or add "source"', async () => {
    const [failure] = (await discover()).failures;
    expect(failure).toMatchObject({ packageName: 'plugin-unbuilt', error: { code: 'BL_ERR_PLUGIN_ENTRY_IMPORT' } });
    expect(failure!.error.message).toContain('Build the plugin so "./dist/index.js" exists, or add "source"');
  });

  it('GIVEN source mode off (installed baseline) THEN the built entry is imported and a missing dist names both fixes', async () => {
    const result = await discover(false);
    const failure = result.failures.find((candidate) => candidate.packageName === 'plugin-from-source');
    expect(failure?.error.code).toBe('BL_ERR_PLUGIN_ENTRY_IMPORT');
    expect(failure!.error.message).toContain('run with --conditions=@baseline/source to load "./src/index.ts"');
  });
});
