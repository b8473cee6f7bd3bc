import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverPluginPackages } from '../../src/plugins/discover-plugin-packages.js';
import { createCaptureLogger } from '../../src/testing/index.js';

const appDir = realpathSync(fileURLToPath(new URL('../fixtures/host-app', import.meta.url)));

describe('discoverPluginPackages on a host app (what the dashboard build uses)', () => {
  it('GIVEN the same host app as discoverPlugins THEN manifests and ranges are checked the same way AND no entry is imported', async () => {
    const { packages, failures } = await discoverPluginPackages({ appDir, baselineVersion: '0.1.0', logger: createCaptureLogger().logger });
    const valid = packages.find((found) => found.packageName === 'plugin-valid')!;
    expect(valid.webEntry).toBe(`${appDir}/node_modules/plugin-valid/web.js`);
    expect(valid.entry).toBe(`${appDir}/node_modules/plugin-valid/index.js`);
    // Its entry throws when imported; finding it without importing means it is listed, not failed.
    expect(packages.map((found) => found.packageName)).toContain('plugin-broken-entry');
    expect(packages.map((found) => found.packageName)).not.toContain('not-a-plugin');
    expect(failures.map((failure) => [failure.packageName, failure.error.code])).toEqual([
      ['plugin-future', 'BL_ERR_PLUGIN_VERSION_UNSUPPORTED'],
      ['plugin-bad-manifest', 'BL_ERR_PLUGIN_MANIFEST_INVALID'],
    ]);
  });
});
