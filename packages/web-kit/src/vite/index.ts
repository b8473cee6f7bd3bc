// @baseline/web-kit/vite: the Vite plugin of a baseline dashboard app (Node side).
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { PluginOption } from 'vite';
import { pluginsModule } from './plugins-module.js';

export { PLUGINS_MODULE_ID } from './plugins-module.js';

/** Options of {@link baselineDashboard}. */
export interface BaselineDashboardOptions {
  /**
   * The app directory whose package.json lists the plugin packages.
   * @default Vite's root
   */
  root?: string;
  /**
   * The API's base URL when it is on another origin (it must list the dashboard in `API_CORS_ORIGINS`).
   * @default '' (the dashboard's own origin: the API serves it, or a proxy sends `/api` there)
   */
  apiBaseUrl?: string;
}

/**
 * Everything a dashboard app's Vite config needs: React, Tailwind, and the plugin registry generated from the
 * app's dependencies (each plugin's web entry a lazy chunk of its own).
 *
 * @param options where the app's package.json is, and where the API is.
 * @example
 * ```ts
 * // vite.config.ts
 * import { defineConfig } from 'vite';
 * import { baselineDashboard } from '@baseline/web-kit/vite';
 *
 * export default defineConfig({ plugins: [baselineDashboard()] });
 * ```
 */
export function baselineDashboard(options: BaselineDashboardOptions = {}): PluginOption[] {
  return [react(), tailwindcss(), pluginsModule(options)];
}
