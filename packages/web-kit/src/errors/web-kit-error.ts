import { BaselineError, type BaselineErrorOptions } from '@baseline/core/errors';

/**
 * Every code `@baseline/web-kit` throws or reports. The strings are stable (callers and log queries match on them);
 * throw and report sites name them through this table, never as literals.
 */
export const WEB_KIT_ERROR_CODES = {
  /** A plugin's web entry is missing or does not compile (build warning), or fails to load or does not default-export `defineWebPlugin(...)` (browser console); the plugin's pages are left out. */
  pluginEntry: 'BL_ERR_WEB_PLUGIN_ENTRY',
  /** `defineWebPlugin` was given a route outside `/guilds/$guildId/…` and `/admin/…`, a route without `load`, or a nav item that points to none of its routes. */
  pluginInvalid: 'BL_ERR_WEB_PLUGIN_INVALID',
  /** A hook or component that needs the dashboard's context was rendered outside it (`useDashboard()` outside `mountDashboard()`, a Discord picker outside `SettingsForms`). */
  contextMissing: 'BL_ERR_WEB_CONTEXT_MISSING',
  /** The code of an {@link ApiRequestError} whose answer carried no error body (a proxy's error page, a network appliance). */
  apiUnknown: 'BL_ERR_API_UNKNOWN',
} as const;

/** Any code in {@link WEB_KIT_ERROR_CODES}. */
export type WebKitErrorCode = (typeof WEB_KIT_ERROR_CODES)[keyof typeof WEB_KIT_ERROR_CODES];

/** A mistake in how the kit is used (a plugin definition, a component outside its context), with its code. */
export class WebKitError extends BaselineError {
  declare readonly code: WebKitErrorCode;

  constructor(code: WebKitErrorCode, message: string, options: BaselineErrorOptions = {}) {
    super(code, message, options);
    this.name = 'WebKitError';
  }
}
