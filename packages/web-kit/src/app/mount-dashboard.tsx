// An ambient declaration of a virtual module cannot be imported; the reference makes it visible wherever this file is.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../plugins/virtual-plugins.d.ts" />
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createRoot } from 'react-dom/client';
import pluginEntries, { apiBaseUrl as builtApiBaseUrl } from 'virtual:baseline/plugins';
import { createApiClient } from '../client/api-client.js';
import { ApiRequestError } from '../client/api-request-error.js';
import { registerWebPlugins } from '../plugins/plugin-entries.js';
import { Loading } from '../ui/states.js';
import { DashboardContext } from './dashboard-context.js';
import { createDashboardRouter, type DashboardRouter } from './router.js';
import { SESSION_KEY } from './session.js';
import { applyTheme, initialTheme } from './theme.js';

/** Options of {@link mountDashboard}. */
export interface MountDashboardOptions {
  /**
   * The API's origin when it is not the page's own; overrides `baselineDashboard({ apiBaseUrl })`.
   * @default '' (same origin)
   */
  apiBaseUrl?: string;
}

/** Pages do not retry what the API refused (4xx); network failures and 5xx get two more tries. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status < 500) return false;
  return failures < 2;
}

/**
 * Starts the dashboard in `element`: registers the plugins' web entries (from `virtual:baseline/plugins`, which
 * `@baseline/web-kit/vite` generates), builds the routes and renders the app. Call it once, from the app's
 * `src/main.tsx`, after importing `@baseline/web-kit/styles.css`.
 *
 * @param element the element to render into, usually `document.getElementById('root')`.
 * @param options where the API is.
 * @example
 * ```ts
 * import '@baseline/web-kit/styles.css';
 * import { mountDashboard } from '@baseline/web-kit';
 *
 * mountDashboard(document.getElementById('root')!);
 * ```
 */
export function mountDashboard(element: HTMLElement, options: MountDashboardOptions = {}): void {
  applyTheme(initialTheme(), false);
  const root = createRoot(element);
  root.render(<Loading label="Starting the dashboard…" />);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: shouldRetry, staleTime: 10_000 } } });
  let router: DashboardRouter | undefined;
  const api = createApiClient({
    baseUrl: options.apiBaseUrl ?? builtApiBaseUrl,
    onUnauthenticated: () => {
      // The session ended (logout elsewhere, expiry): forget it and go back to the login page.
      api.setCsrfToken(undefined);
      queryClient.setQueryData(SESSION_KEY, null);
      const path = window.location.pathname;
      if (router !== undefined && path !== '/' && path !== '/auth/callback') void router.navigate({ to: '/' });
    },
  });
  void registerWebPlugins(pluginEntries).then((plugins) => {
    router = createDashboardRouter(plugins, queryClient);
    root.render(
      <DashboardContext.Provider value={{ api, plugins }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DashboardContext.Provider>,
    );
  });
}
