import { pino } from 'pino';
import type { BaselineServices } from '../../src/services/index.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineSettings, type InferSettings } from '../../src/settings/define-settings.js';
import { definePlugin, isPlugin, type PluginContext } from '../../src/plugins/define-plugin.js';
import { loadPlugins } from '../../src/plugins/load-plugins.js';
import { runPluginReady, runPluginSetup, runPluginShutdown } from '../../src/plugins/run-plugin-hooks.js';
import { pluginMigrationsTable, pluginRoutePrefix, pluginSettingsNamespace } from '../../src/plugins/plugin-names.js';
import { pluginMigrationsTable as databaseMigrationsTable } from '../../src/database/migrations/run-migrations.js';
import { createCaptureLogger } from '../../src/testing/index.js';

const silent = pino({ level: 'silent' });

function plugin(id: string, extra: { dependencies?: string[]; optionalDependencies?: string[] } = {}) {
  return definePlugin({ id, name: id, version: '1.0.0', ...extra });
}

describe('definePlugin', () => {
  it('GIVEN a definition THEN the plugin is branded, frozen and keeps its fields', () => {
    const settings = defineSettings(z.object({ greeting: z.string().default('hi') }));
    const welcome = definePlugin({ id: 'welcome', name: 'Welcome', version: '1.2.3', settings, intents: ['GuildMembers'] });
    expect(isPlugin(welcome)).toBe(true);
    expect(isPlugin({ ...welcome })).toBe(true);
    expect(isPlugin({ id: 'welcome', name: 'Welcome', version: '1.2.3' })).toBe(false);
    expect(Object.isFrozen(welcome)).toBe(true);
    expect(welcome.settings.defaults).toEqual({ greeting: 'hi' });
    expectTypeOf<InferSettings<typeof welcome.settings>>().toEqualTypeOf<{ greeting: string }>();
    definePlugin({
      id: 'typed',
      name: 'Typed',
      version: '1.0.0',
      setup(context) {
        expectTypeOf(context).toEqualTypeOf<PluginContext>();
      },
    });
  });
});

describe('loadPlugins with plugins passed directly', () => {
  it('GIVEN dependencies listed in any order THEN plugins come out dependency first, ties in input order', () => {
    const result = loadPlugins({
      plugins: [
        plugin('c', { dependencies: ['b'] }),
        plugin('b', { dependencies: ['a'] }),
        plugin('x'),
        plugin('d', { optionalDependencies: ['c', 'not-installed'] }),
        plugin('a'),
      ],
      logger: silent,
    });
    expect(result.failures).toEqual([]);
    expect(result.plugins.map((loaded) => loaded.id)).toEqual(['x', 'a', 'b', 'c', 'd']);
  });

  it('GIVEN an invalid definition THEN it fails with BL_ERR_PLUGIN_DEFINITION_INVALID and its dependents too', () => {
    const result = loadPlugins({
      plugins: [
        definePlugin({ id: 'Bad_Id', name: 'Bad', version: 'one' }),
        definePlugin({ id: 'self', name: 'Self', version: '1.0.0', dependencies: ['self'] }),
        plugin('needs-self', { dependencies: ['self'] }),
      ],
      logger: silent,
    });
    expect(result.plugins).toEqual([]);
    const [bad, self, needsSelf] = result.failures;
    expect(bad?.error.code).toBe('BL_ERR_PLUGIN_DEFINITION_INVALID');
    expect(bad?.error.message).toMatch(/id: must be lowercase kebab case.*version: must be a semver version/);
    expect(self?.error.message).toContain('cannot depend on itself');
    expect(needsSelf?.error.code).toBe('BL_ERR_PLUGIN_DEPENDENCY_FAILED');
  });

  it('GIVEN an id too long for its migrations table THEN it is rejected', () => {
    const id = `a${'-b'.repeat(23)}`;
    expect(pluginMigrationsTable(id).length).toBeGreaterThan(63);
    const result = loadPlugins({ plugins: [plugin(id)], logger: silent });
    expect(result.failures[0]?.error.code).toBe('BL_ERR_PLUGIN_DEFINITION_INVALID');
  });

  it('GIVEN a chain behind a missing dependency THEN every link is skipped with its own error', () => {
    const result = loadPlugins({
      plugins: [plugin('top', { dependencies: ['middle'] }), plugin('middle', { dependencies: ['ghost'] }), plugin('ok')],
      logger: silent,
    });
    expect(result.plugins.map((loaded) => loaded.id)).toEqual(['ok']);
    expect(result.failures.map((failure) => [failure.pluginId, failure.error.code])).toEqual([
      ['middle', 'BL_ERR_PLUGIN_DEPENDENCY_MISSING'],
      ['top', 'BL_ERR_PLUGIN_DEPENDENCY_FAILED'],
    ]);
  });

  it('GIVEN a plugin that depends on a cycle THEN the cycle fails and the dependent is skipped naming it', () => {
    const result = loadPlugins({
      plugins: [
        plugin('a', { dependencies: ['b'] }),
        plugin('b', { dependencies: ['c'] }),
        plugin('c', { dependencies: ['a'] }),
        plugin('after', { dependencies: ['b'] }),
        plugin('free'),
      ],
      logger: silent,
    });
    expect(result.plugins.map((loaded) => loaded.id)).toEqual(['free']);
    const codes = Object.fromEntries(result.failures.map((failure) => [failure.pluginId, failure.error.code]));
    expect(codes).toEqual({
      a: 'BL_ERR_PLUGIN_DEPENDENCY_CYCLE',
      b: 'BL_ERR_PLUGIN_DEPENDENCY_CYCLE',
      c: 'BL_ERR_PLUGIN_DEPENDENCY_CYCLE',
      after: 'BL_ERR_PLUGIN_DEPENDENCY_FAILED',
    });
    expect(result.failures.find((failure) => failure.pluginId === 'a')?.error.message).toContain('a → b → c → a');
    expect(result.failures.find((failure) => failure.pluginId === 'after')?.error.message).toContain('"b"');
  });

  it('GIVEN a value not from definePlugin THEN it fails with BL_ERR_PLUGIN_NOT_BRANDED', () => {
    const result = loadPlugins({ plugins: [{ id: 'fake', name: 'Fake', version: '1.0.0' }, null], logger: silent });
    expect(result.failures.map((failure) => failure.error.code)).toEqual(['BL_ERR_PLUGIN_NOT_BRANDED', 'BL_ERR_PLUGIN_NOT_BRANDED']);
    expect(result.failures[0]?.pluginId).toBe('fake');
  });
});

describe('plugin encapsulation names', () => {
  it('GIVEN an id THEN its namespace, migrations table and route prefix follow from it', () => {
    expect(pluginSettingsNamespace('auto-mod')).toBe('auto-mod');
    expect(pluginMigrationsTable('auto-mod-v2')).toBe('plugin_auto_mod_v2_migrations');
    expect(pluginRoutePrefix('auto-mod')).toBe('/api/v1/plugins/auto-mod');
  });

  it('GIVEN valid plugin ids THEN the migrations table matches the one the database module migrates', () => {
    for (const id of ['polls', 'auto-mod-v2', `a${'-b'.repeat(22)}`]) expect(pluginMigrationsTable(id)).toBe(databaseMigrationsTable(id));
  });
});

describe('plugin lifecycle hooks', () => {
  it('GIVEN setup, ready and shutdown THEN they run in dependency order and shutdown in reverse', async () => {
    const calls: string[] = [];
    // Hooks only pass the container through; a tagged stand-in shows which one they received.
    const services = { service: 'services' } as unknown as BaselineServices;
    const tracked = (id: string, dependencies: string[] = []) =>
      definePlugin({
        id,
        name: id,
        version: '1.0.0',
        dependencies,
        setup: (context) => void calls.push(`setup:${context.pluginId}:${context.services.service}`),
        ready: () => void calls.push(`ready:${id}`),
        shutdown: () => void calls.push(`shutdown:${id}`),
      });
    const { plugins } = loadPlugins({ plugins: [tracked('child', ['parent']), tracked('parent')], logger: silent });
    const setUp = await runPluginSetup({ plugins, services, logger: silent });
    await runPluginReady({ plugins: setUp.plugins, services, logger: silent });
    await runPluginShutdown({ plugins: setUp.plugins, services, logger: silent });
    expect(calls).toEqual(['setup:parent:services', 'setup:child:services', 'ready:parent', 'ready:child', 'shutdown:child', 'shutdown:parent']);
  });

  it('GIVEN a setup that throws THEN that plugin and its dependents are skipped, the others set up', async () => {
    const { logger, lines } = createCaptureLogger();
    const setUpIds: string[] = [];
    const { plugins } = loadPlugins({
      plugins: [
        definePlugin({
          id: 'fragile',
          name: 'Fragile',
          version: '1.0.0',
          setup: () => {
            throw new Error('database unreachable');
          },
        }),
        definePlugin({ id: 'leaf', name: 'Leaf', version: '1.0.0', dependencies: ['fragile'], setup: () => void setUpIds.push('leaf') }),
        definePlugin({ id: 'sturdy', name: 'Sturdy', version: '1.0.0', setup: () => void setUpIds.push('sturdy') }),
      ],
      logger,
    });
    const result = await runPluginSetup({ plugins, services: {} as BaselineServices, logger });
    expect(result.plugins.map((loaded) => loaded.id)).toEqual(['sturdy']);
    expect(setUpIds).toEqual(['sturdy']);
    expect(result.failures.map((failure) => [failure.pluginId, failure.error.code])).toEqual([
      ['fragile', 'BL_ERR_PLUGIN_HOOK_FAILED'],
      ['leaf', 'BL_ERR_PLUGIN_DEPENDENCY_FAILED'],
    ]);
    expect(result.failures[0]?.error.message).toContain('database unreachable');
    expect(lines.filter((line) => line.code === 'BL_ERR_PLUGIN_HOOK_FAILED')).toHaveLength(1);
  });

  it('GIVEN a shutdown that throws THEN the remaining plugins still shut down', async () => {
    const calls: string[] = [];
    const { plugins } = loadPlugins({
      plugins: [
        definePlugin({ id: 'first', name: 'First', version: '1.0.0', shutdown: () => void calls.push('first') }),
        definePlugin({
          id: 'second',
          name: 'Second',
          version: '1.0.0',
          shutdown: () => {
            throw new Error('stuck');
          },
        }),
      ],
      logger: silent,
    });
    await runPluginShutdown({ plugins, services: {} as BaselineServices, logger: silent });
    expect(calls).toEqual(['first']);
  });
});
