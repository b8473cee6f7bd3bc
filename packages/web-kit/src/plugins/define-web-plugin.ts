import type { ComponentType } from 'react';
import { WEB_KIT_ERROR_CODES, WebKitError } from '../errors/web-kit-error.js';

/** A page module: its default export is the page component. */
export type WebPageModule = { default: ComponentType };

/**
 * One page of a plugin. `path` is absolute and lives under `/guilds/$guildId/` (a guild page; `$guildId` is
 * the route parameter) or `/admin/` (a developer-team page). `load` is called the first time the page opens,
 * so the page's code is a chunk of its own: write it as `() => import('./my-page.js')`.
 */
export interface WebPluginRoute {
  path: `/guilds/$guildId/${string}` | `/admin/${string}`;
  /** Shown in the browser tab and as the page heading. */
  title: string;
  load: () => Promise<WebPageModule>;
}

/** A sidebar link; `to` is one of the plugin's route paths. */
export interface WebPluginNavItem {
  label: string;
  to: WebPluginRoute['path'];
}

/** What a plugin's web entry passes to {@link defineWebPlugin}. */
export interface WebPluginDefinition {
  /** Defaults to the package name; shown in error messages. */
  id?: string;
  routes: WebPluginRoute[];
  /** @default [] */
  navItems?: WebPluginNavItem[];
}

/** A web plugin as the dashboard registers it. */
export interface WebPlugin {
  readonly id: string | undefined;
  readonly routes: readonly WebPluginRoute[];
  readonly navItems: readonly WebPluginNavItem[];
  readonly [WEB_PLUGIN_BRAND]: true;
}

/** Marks values made by {@link defineWebPlugin}, so the dashboard can tell a web plugin from any default export. */
export const WEB_PLUGIN_BRAND = Symbol.for('baseline.web-plugin');

const PATH = /^\/(guilds\/\$guildId|admin)\/[A-Za-z0-9/$_-]+$/;

/**
 * Declares a plugin's dashboard pages; the default export of the module a plugin's manifest names as `web`.
 *
 * @param definition the plugin's pages and sidebar links.
 * @throws WebKitError (`BL_ERR_WEB_PLUGIN_INVALID`) when a route path is outside `/guilds/$guildId/…` and `/admin/…`, or a nav item points nowhere.
 * @example
 * ```ts
 * export default defineWebPlugin({
 *   routes: [{ path: '/guilds/$guildId/reference', title: 'Waves', load: () => import('./waves-page.js') }],
 *   navItems: [{ label: 'Waves', to: '/guilds/$guildId/reference' }],
 * });
 * ```
 */
export function defineWebPlugin(definition: WebPluginDefinition): WebPlugin {
  for (const route of definition.routes) {
    if (!PATH.test(route.path))
      throw new WebKitError(WEB_KIT_ERROR_CODES.pluginInvalid, `defineWebPlugin: route "${route.path}" must start with /guilds/$guildId/ or /admin/`);
    if (typeof route.load !== 'function')
      throw new WebKitError(WEB_KIT_ERROR_CODES.pluginInvalid, `defineWebPlugin: route "${route.path}" needs load: () => import('./page.js')`);
  }
  const navItems = definition.navItems ?? [];
  for (const item of navItems) {
    if (!definition.routes.some((route) => route.path === item.to))
      throw new WebKitError(
        WEB_KIT_ERROR_CODES.pluginInvalid,
        `defineWebPlugin: nav item "${item.label}" points to "${item.to}", which is not one of its routes`,
      );
  }
  return Object.freeze({ id: definition.id, routes: [...definition.routes], navItems: [...navItems], [WEB_PLUGIN_BRAND]: true as const });
}

/** Whether `value` came from {@link defineWebPlugin}. */
export function isWebPlugin(value: unknown): value is WebPlugin {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[WEB_PLUGIN_BRAND] === true;
}
