import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { isDefinedApp, type BaselineApp } from './define-app.js';

/** Where the app module lives: its TypeScript source in development, its build in production. */
export const APP_MODULES = { source: 'src/app.ts', built: 'dist/app.js' } as const;

/**
 * Imports the app module (`src/app.ts` through tsx, or `dist/app.js`) and checks its default export. Each call
 * from source evaluates the module and everything it imports afresh, so `baseline dev` reads edited cogs.
 * A bot without an app module runs only the plugins in its package.json.
 *
 * @throws CliError `BL_ERR_CLI_APP_MODULE_INVALID` when the module fails to import or exports no `defineApp(...)`.
 */
export async function loadAppModule(appDir: string, from: keyof typeof APP_MODULES): Promise<BaselineApp> {
  const path = join(appDir, APP_MODULES[from]);
  if (!existsSync(path)) {
    if (from === 'built' && existsSync(join(appDir, APP_MODULES.source))) {
      throw new CliError(
        CLI_ERROR_CODES.appModuleInvalid,
        `${path} does not exist: run \`npm run build\` first (baseline start runs the build; baseline dev runs the sources).`,
      );
    }
    return {};
  }
  let namespace: { default?: unknown };
  try {
    const url = pathToFileURL(path).href;
    namespace = (from === 'source' ? await tsImport(url, import.meta.url) : await import(url)) as { default?: unknown };
  } catch (error) {
    throw new CliError(CLI_ERROR_CODES.appModuleInvalid, `${path} failed to load: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!isDefinedApp(namespace.default)) {
    throw new CliError(CLI_ERROR_CODES.appModuleInvalid, `${path} must default-export defineApp({ plugins, cogs }) from @baseline/cli.`);
  }
  return namespace.default;
}
