import type { CogClass } from '@baseline/bot';
import type { CreateServicesOptions } from '@baseline/core';
import type { StandaloneSeed } from '@baseline/testing';

const APP_BRAND = Symbol.for('baseline.app');

/** A bot app: what `src/app.ts` default-exports. Plugins installed from npm are discovered from package.json. */
export interface BaselineApp {
  /** The app's own plugins (each from `definePlugin`), besides those in package.json. @default [] */
  plugins?: readonly unknown[];
  /** Cogs outside any plugin. @default [] */
  cogs?: readonly CogClass[];
  /** Services added to the container, e.g. `llmExtension()` from `@baseline/llm`. @default [] */
  extensions?: CreateServicesOptions['extensions'];
  /** The emulated Discord when no bot token is set. @default the emulator's demo seed */
  emulatorSeed?: StandaloneSeed;
}

/** A branded {@link BaselineApp}. */
export type DefinedApp = BaselineApp & { readonly [APP_BRAND]: true };

/**
 * Declares the bot app that `baseline dev`, `baseline start` and the app's tests run.
 *
 * @param app - the app's own plugins and cogs.
 * @example
 * ```ts
 * // src/app.ts
 * import { defineApp } from '@baseline/cli';
 * import greeter from './plugins/greeter/index.js';
 *
 * export default defineApp({ plugins: [greeter] });
 * ```
 */
export function defineApp(app: BaselineApp): DefinedApp {
  return { ...app, [APP_BRAND]: true };
}

/** Whether a value came from {@link defineApp}. */
export function isDefinedApp(value: unknown): value is DefinedApp {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[APP_BRAND] === true;
}
