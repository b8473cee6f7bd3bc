import type { Logger } from 'pino';
import type { PluginContext } from './define-plugin.js';
import type { LoadedPlugin, PluginFailure } from './loaded-plugin.js';
import { PluginError, PLUGIN_ERROR_CODES } from './plugin-error.js';
import type { PluginServices } from './plugin-register.js';
import { recordFailure } from './record-failure.js';

/** The context a loaded plugin's hooks receive. */
export function createPluginContext(loaded: LoadedPlugin, services: PluginServices): PluginContext {
  return Object.freeze({
    pluginId: loaded.id,
    logger: loaded.logger,
    settingsNamespace: loaded.settingsNamespace,
    services,
  });
}

/** Options of {@link runPluginSetup}, {@link runPluginReady} and {@link runPluginShutdown}. */
export interface RunPluginHooksOptions {
  /** Loaded plugins, in dependency order (as returned by discovery). */
  plugins: readonly LoadedPlugin[];
  services: PluginServices;
  logger: Logger;
}

function hookError(loaded: LoadedPlugin, hook: string, error: unknown): PluginError {
  return new PluginError(PLUGIN_ERROR_CODES.hookFailed, `its ${hook} hook failed: ${String(error)}`, {
    plugin: { packageName: loaded.packageName, pluginId: loaded.id },
    cause: error,
    details: { hook },
  });
}

/**
 * Runs every plugin's `setup` in dependency order, one at a time. A plugin whose `setup` throws is skipped
 * (`BL_ERR_PLUGIN_HOOK_FAILED`), and so is every plugin that requires it (`BL_ERR_PLUGIN_DEPENDENCY_FAILED`);
 * only the returned plugins should get cogs, routes, `ready` and `shutdown`.
 */
export async function runPluginSetup({ plugins, services, logger }: RunPluginHooksOptions): Promise<{
  plugins: LoadedPlugin[];
  failures: PluginFailure[];
}> {
  const succeeded: LoadedPlugin[] = [];
  const failures: PluginFailure[] = [];
  const failed = new Set<string>();
  for (const loaded of plugins) {
    const lacking = (loaded.plugin.dependencies ?? []).find((dependency) => failed.has(dependency));
    if (lacking !== undefined) {
      failed.add(loaded.id);
      recordFailure(
        failures,
        logger,
        new PluginError(PLUGIN_ERROR_CODES.dependencyFailed, `requires plugin "${lacking}", whose setup failed`, {
          plugin: { packageName: loaded.packageName, pluginId: loaded.id },
          details: { dependency: lacking },
        }),
      );
      continue;
    }
    try {
      await loaded.plugin.setup?.(createPluginContext(loaded, services));
      succeeded.push(loaded);
    } catch (error) {
      failed.add(loaded.id);
      recordFailure(failures, logger, hookError(loaded, 'setup', error));
    }
  }
  return { plugins: succeeded, failures };
}

/** Runs every plugin's `ready` in dependency order; a throw is logged and the plugin stays loaded. */
export async function runPluginReady({ plugins, services, logger }: RunPluginHooksOptions): Promise<void> {
  return runLoggedHook('ready', plugins, services, logger);
}

/** Runs every plugin's `shutdown` in reverse dependency order; a throw is logged and the rest still run. */
export async function runPluginShutdown({ plugins, services, logger }: RunPluginHooksOptions): Promise<void> {
  return runLoggedHook('shutdown', [...plugins].reverse(), services, logger);
}

/** Runs `hook` of each plugin in the given order, one at a time; a throw is logged and the next still runs. */
async function runLoggedHook(hook: 'ready' | 'shutdown', plugins: readonly LoadedPlugin[], services: PluginServices, logger: Logger): Promise<void> {
  for (const loaded of plugins) {
    try {
      await loaded.plugin[hook]?.(createPluginContext(loaded, services));
    } catch (error) {
      const failure = hookError(loaded, hook, error);
      logger.error({ code: failure.code, plugin: loaded.id, package: loaded.packageName, err: failure }, failure.message);
    }
  }
}
