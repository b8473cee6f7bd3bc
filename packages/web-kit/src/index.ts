// @baseline/web-kit: the dashboard kit (browser side). The Vite plugin is `@baseline/web-kit/vite`; the styles
// are `@baseline/web-kit/styles.css`.

// The dashboard app.
export { mountDashboard, type MountDashboardOptions } from './app/mount-dashboard.js';
export { useDashboard, type DashboardContextValue } from './app/dashboard-context.js';
export { useSession, type Session } from './app/session.js';
export { usePageTitle } from './app/layout/use-page-title.js';

// The plugin web contract.
export {
  defineWebPlugin,
  isWebPlugin,
  type WebPageModule,
  type WebPlugin,
  type WebPluginDefinition,
  type WebPluginNavItem,
  type WebPluginRoute,
} from './plugins/define-web-plugin.js';
export type { RegisteredWebPlugin, WebPluginEntry } from './plugins/plugin-entries.js';

// The typed API client.
export { createApiClient, type ApiClient, type CreateApiClientOptions, type DashboardApi } from './client/api-client.js';
export { ApiRequestError, dataOf, type ApiFieldError } from './client/api-request-error.js';
export type { components as ApiComponents, paths as ApiPaths } from './client/api-schema.generated.js';

// Errors: the codes the kit throws or reports.
export { WEB_KIT_ERROR_CODES, WebKitError, type WebKitErrorCode } from './errors/web-kit-error.js';

// Components, for plugin pages that look like the rest of the dashboard.
export * from './ui/index.js';

// Settings forms generated from JSON Schema.
export * from './settings/index.js';

/** The kit's version, for diagnostics. */
export const WEB_KIT_VERSION = '0.1.0';
