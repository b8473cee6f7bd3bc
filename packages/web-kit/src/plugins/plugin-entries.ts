import { WEB_KIT_ERROR_CODES } from '../errors/web-kit-error.js';
import { isWebPlugin, type WebPlugin } from './define-web-plugin.js';

/** One plugin web entry as the Vite plugin's virtual module lists it: a loader, so each plugin is its own chunk. */
export interface WebPluginEntry {
  packageName: string;
  load: () => Promise<{ default?: unknown }>;
}

/** A web plugin with the package it came from. */
export interface RegisteredWebPlugin {
  packageName: string;
  plugin: WebPlugin;
}

/**
 * Imports every plugin web entry (each a small chunk of route metadata and page loaders). An entry that fails
 * to import or does not default-export `defineWebPlugin(...)` is reported on the console with its package name
 * and skipped: one broken plugin never blanks the dashboard.
 */
export async function registerWebPlugins(entries: readonly WebPluginEntry[]): Promise<RegisteredWebPlugin[]> {
  const settled = await Promise.allSettled(entries.map(async (entry) => ({ entry, module: await entry.load() })));
  const registered: RegisteredWebPlugin[] = [];
  settled.forEach((result, index) => {
    const packageName = entries[index]!.packageName;
    if (result.status === 'rejected') {
      console.error(`[baseline] ${WEB_KIT_ERROR_CODES.pluginEntry}: the web entry of "${packageName}" failed to load; skipped.`, result.reason);
    } else if (!isWebPlugin(result.value.module.default)) {
      console.error(`[baseline] ${WEB_KIT_ERROR_CODES.pluginEntry}: the web entry of "${packageName}" does not default-export defineWebPlugin(...); skipped.`);
    } else {
      registered.push({ packageName, plugin: result.value.module.default });
    }
  });
  return registered;
}
