import { existsSync } from 'node:fs';
import { BASELINE_VERSION, createLogger, discoverPluginPackages } from '@baseline/core';
import { readFile } from 'node:fs/promises';
import { transformWithOxc, type Plugin } from 'vite';
import { WEB_KIT_ERROR_CODES } from '../errors/web-kit-error.js';

/** The module id the dashboard imports its plugin list from. */
export const PLUGINS_MODULE_ID = 'virtual:baseline/plugins';
const RESOLVED_ID = `\0${PLUGINS_MODULE_ID}`;

/** The kit's browser dependencies that Vite's dev server pre-bundles (the kit itself is excluded from it). */
const KIT_DEPENDENCIES = ['@tanstack/react-query', '@tanstack/react-router', 'openapi-fetch', 'recharts', '@rjsf/core', '@rjsf/utils', '@rjsf/validator-ajv8'];

/** Options of {@link pluginsModule}. */
export interface PluginsModuleOptions {
  /** The app whose package.json lists the plugins; defaults to Vite's root. */
  root?: string | undefined;
  /** The API's base URL, baked into the build; '' (the default) means the dashboard's own origin. */
  apiBaseUrl?: string | undefined;
}

/**
 * Generates `virtual:baseline/plugins`: one `import()` per plugin web entry found among the app's dependencies
 * (same manifest and version-range rules as `@baseline/core`'s discovery), so each plugin is a chunk of its own.
 * A plugin whose manifest is invalid, whose range excludes this baseline, or whose web entry is missing or does
 * not compile is reported as a build warning naming its package, and left out.
 */
export function pluginsModule(options: PluginsModuleOptions): Plugin {
  let root = process.cwd();
  return {
    name: 'baseline:plugins',
    enforce: 'pre',
    config: () => ({
      // The kit imports the virtual module, which only exists in this plugin: keep it out of dependency pre-bundling.
      // One React and one router/query instance for the kit and every plugin page (contexts must match).
      resolve: { dedupe: ['react', 'react-dom', '@tanstack/react-query', '@tanstack/react-router'] },
      optimizeDeps: {
        exclude: ['@baseline/web-kit'],
        // …so its CommonJS-bearing dependencies are named for pre-bundling here instead.
        include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', ...KIT_DEPENDENCIES.map((name) => `@baseline/web-kit > ${name}`)],
      },
    }),
    configResolved(config) {
      root = options.root ?? config.root;
    },
    resolveId: (id) => (id === PLUGINS_MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const logger = createLogger({ service: 'dashboard-build', level: 'silent' });
      const { packages, failures } = await discoverPluginPackages({ appDir: root, baselineVersion: BASELINE_VERSION, logger });
      for (const failure of failures) this.warn(`${failure.error.code}: ${failure.error.message} (its web pages are left out)`);
      const entries: Array<{ packageName: string; file: string }> = [];
      for (const found of packages) {
        if (found.webEntry === undefined) continue;
        const problem = await checkWebEntry(found.webEntry);
        if (problem === undefined) entries.push({ packageName: found.packageName, file: found.webEntry });
        else
          this.warn(
            `${WEB_KIT_ERROR_CODES.pluginEntry}: plugin package "${found.packageName}": its web entry "${found.webEntry}" ${problem}; its pages are left out`,
          );
      }
      const items = entries.map(({ packageName, file }) => `  { packageName: ${JSON.stringify(packageName)}, load: () => import(${JSON.stringify(file)}) },`);
      return `export const apiBaseUrl = ${JSON.stringify(options.apiBaseUrl ?? '')};\nexport default [\n${items.join('\n')}\n];\n`;
    },
  };
}

/**
 * Why a web entry cannot be bundled, or `undefined` when it can: missing, or not compiling (TypeScript and JSX
 * included). Checked on the file alone, before it joins the build, so a syntax error is reported with the package
 * name and the entry left out instead of failing the whole build.
 */
async function checkWebEntry(file: string): Promise<string | undefined> {
  if (!existsSync(file)) return 'does not exist';
  try {
    await transformWithOxc(await readFile(file, 'utf8'), file);
    return undefined;
  } catch (error) {
    return `does not compile: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}
