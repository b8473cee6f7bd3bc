import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { discoverPlugins } from '../../src/plugins/discover-plugins.js';
import type { PluginLoadResult } from '../../src/plugins/loaded-plugin.js';
import { pino } from 'pino';
import { createCaptureLogger, type LogLine } from '../../src/testing/index.js';

const LEVEL = pino.levels.values;

const appDir = realpathSync(fileURLToPath(new URL('../fixtures/host-app', import.meta.url)));

function failureOf(result: PluginLoadResult, packageName: string) {
  return result.failures.filter((failure) => failure.packageName === packageName);
}

describe('discoverPlugins on a host app', () => {
  let result: PluginLoadResult;
  let lines: LogLine[];

  beforeAll(async () => {
    const capture = createCaptureLogger();
    lines = capture.lines;
    result = await discoverPlugins({ appDir, baselineVersion: '0.1.0', logger: capture.logger });
  });

  it('GIVEN valid plugins THEN they load in dependency order with their package details', () => {
    expect(result.plugins.map((plugin) => plugin.id)).toEqual(['valid', 'dependent', 'scoped', 'hidden']);
    const valid = result.plugins.find((plugin) => plugin.id === 'valid')!;
    expect(valid.packageName).toBe('plugin-valid');
    expect(valid.packageDir).toBe(`${appDir}/node_modules/plugin-valid`);
    expect(valid.manifest).toEqual({ entry: './index.js', web: './web.js', baselineVersion: '^0.1.0' });
    expect(valid.webEntry).toBe(`${appDir}/node_modules/plugin-valid/web.js`);
    expect(valid.plugin.intents).toEqual(['Guilds']);
  });

  it('GIVEN a scoped package and one whose exports hide package.json THEN both are found', () => {
    expect(result.plugins.find((plugin) => plugin.id === 'scoped')?.packageName).toBe('@fixture/plugin-scoped');
    expect(result.plugins.find((plugin) => plugin.id === 'hidden')?.packageName).toBe('plugin-hidden-package-json');
  });

  it('GIVEN each loaded plugin THEN it gets its own logger, settings namespace, migrations table and route prefix', () => {
    const dependent = result.plugins.find((plugin) => plugin.id === 'dependent')!;
    expect(dependent.settingsNamespace).toBe('dependent');
    expect(dependent.migrationsTable).toBe('plugin_dependent_migrations');
    expect(dependent.routePrefix).toBe('/api/v1/plugins/dependent');
    dependent.logger.info('hello from the plugin');
    expect(lines.at(-1)).toMatchObject({ plugin: 'dependent', msg: 'hello from the plugin' });
  });

  it.each([
    ['plugin-broken-entry', 'BL_ERR_PLUGIN_ENTRY_IMPORT', /importing its entry "index.js" failed: Error: broken at import/],
    ['plugin-future', 'BL_ERR_PLUGIN_VERSION_UNSUPPORTED', /supports baseline \^9\.0\.0, but this is baseline 0\.1\.0/],
    ['plugin-unbranded', 'BL_ERR_PLUGIN_NOT_BRANDED', /plugin "unbranded" \(package "plugin-unbranded"\)/],
    ['plugin-bad-manifest', 'BL_ERR_PLUGIN_MANIFEST_INVALID', /entry: must be a relative path inside the package; baselineVersion: must be a semver range/],
    ['plugin-needs-missing', 'BL_ERR_PLUGIN_DEPENDENCY_MISSING', /requires plugin "ghost", which is not installed/],
    ['plugin-needs-duplicate', 'BL_ERR_PLUGIN_DEPENDENCY_FAILED', /requires plugin "duplicate", which failed to load/],
  ])('GIVEN %s THEN it is skipped with %s', (packageName, code, message) => {
    const failures = failureOf(result, packageName);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.error.code).toBe(code);
    expect(failures[0]!.error.message).toMatch(message);
    expect(failures[0]!.error.message).toContain(packageName);
  });

  it('GIVEN two packages with one id THEN neither loads and each error names the other package', () => {
    const one = failureOf(result, 'plugin-duplicate-one')[0]!;
    const two = failureOf(result, 'plugin-duplicate-two')[0]!;
    expect(one.error.code).toBe('BL_ERR_PLUGIN_DUPLICATE_ID');
    expect(one.pluginId).toBe('duplicate');
    expect(one.error.message).toContain('package "plugin-duplicate-two"');
    expect(two.error.message).toContain('package "plugin-duplicate-one"');
  });

  it('GIVEN plugins that require each other THEN both fail with the cycle named', () => {
    for (const packageName of ['plugin-cycle-a', 'plugin-cycle-b']) {
      const [failure] = failureOf(result, packageName);
      expect(failure?.error.code).toBe('BL_ERR_PLUGIN_DEPENDENCY_CYCLE');
      expect(failure?.error.message).toMatch(/cycle-a → cycle-b → cycle-a/);
    }
  });

  it('GIVEN a non-plugin, a dev-only plugin and a missing optional dependency THEN they are skipped without failures', () => {
    const skipped = ['not-a-plugin', 'plugin-dev-only', 'plugin-not-installed'];
    expect(result.failures.filter((failure) => skipped.includes(failure.packageName ?? ''))).toEqual([]);
    expect(result.failures).toHaveLength(10);
    const notAPlugin = lines.filter((line) => line.package === 'not-a-plugin');
    expect(notAPlugin.map((line) => line.level)).toEqual([LEVEL.debug]);
  });

  it('GIVEN every plugin package THEN its detection is logged, and every failure is logged at error with its code', () => {
    const detected = lines.filter((line) => line.msg === 'plugin package detected').map((line) => line.package);
    expect(detected).toHaveLength(14);
    expect(detected).toContain('plugin-broken-entry');
    const errors = lines.filter((line) => line.level === LEVEL.error);
    expect(errors.map((line) => line.code).sort()).toEqual(result.failures.map((failure) => failure.error.code).sort());
  });
});

describe('discoverPlugins options', () => {
  it('GIVEN includeDevDependencies THEN dev-only plugins load too', async () => {
    const { logger } = createCaptureLogger('silent');
    const result = await discoverPlugins({ appDir, baselineVersion: '0.1.0', logger, includeDevDependencies: true });
    expect(result.plugins.map((plugin) => plugin.id)).toContain('dev-only');
  });

  it('GIVEN a prerelease of baseline THEN ranges are checked including prereleases', async () => {
    const { logger } = createCaptureLogger('silent');
    const result = await discoverPlugins({ appDir, baselineVersion: '0.1.5-beta.2', logger });
    expect(result.plugins.map((plugin) => plugin.id)).toContain('valid');
    const newer = await discoverPlugins({ appDir, baselineVersion: '0.2.0', logger });
    expect(newer.plugins).toEqual([]);
    expect(newer.failures.find((failure) => failure.packageName === 'plugin-valid')?.error.code).toBe('BL_ERR_PLUGIN_VERSION_UNSUPPORTED');
  });

  it('GIVEN plugins passed explicitly THEN they are validated and ordered with the discovered ones', async () => {
    const { logger } = createCaptureLogger('silent');
    const extra = definePlugin({ id: 'extra', name: 'Extra', version: '1.0.0', dependencies: ['valid'] });
    const clash = definePlugin({ id: 'hidden', name: 'Clash', version: '1.0.0' });
    const result = await discoverPlugins({ appDir, baselineVersion: '0.1.0', logger, plugins: [extra, clash] });
    const ids = result.plugins.map((plugin) => plugin.id);
    expect(ids.indexOf('extra')).toBeGreaterThan(ids.indexOf('valid'));
    expect(ids).not.toContain('hidden');
    const clashes = result.failures.filter((failure) => failure.pluginId === 'hidden');
    expect(clashes.map((failure) => failure.error.message)).toEqual([
      expect.stringContaining('also claimed by a plugin passed directly'),
      expect.stringContaining('also claimed by package "plugin-hidden-package-json"'),
    ]);
  });

  it('GIVEN an app dir without package.json THEN discovery throws BL_ERR_PLUGIN_HOST_PACKAGE_INVALID', async () => {
    const { logger } = createCaptureLogger('silent');
    await expect(discoverPlugins({ appDir: `${appDir}/node_modules`, baselineVersion: '0.1.0', logger })).rejects.toMatchObject({
      code: 'BL_ERR_PLUGIN_HOST_PACKAGE_INVALID',
    });
  });
});
