import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { createApiClient } from '../../../src/client/api-client.js';
import { DashboardContext } from '../../../src/app/dashboard-context.js';
import { createDashboardRouter } from '../../../src/app/router.js';
import { SESSION_KEY } from '../../../src/app/session.js';
import type { RegisteredWebPlugin } from '../../../src/plugins/plugin-entries.js';

/**
 * The dashboard as `mountDashboard` assembles it (API client, react-query, the router with every built-in page and
 * `plugins`' routes), at `path` of an in-memory history so tests do not move the test runner's own page. Queries are
 * not retried, so a failure shows at once.
 */
export function renderDashboard(path: string, { plugins = [] }: { plugins?: RegisteredWebPlugin[] } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createDashboardRouter(plugins, queryClient, createMemoryHistory({ initialEntries: [path] }));
  // What mountDashboard does on a 401: forget the session and go to the login page.
  const api = createApiClient({
    baseUrl: '',
    onUnauthenticated: () => {
      api.setCsrfToken(undefined);
      queryClient.setQueryData(SESSION_KEY, null);
      void router.navigate({ to: '/' });
    },
  });
  render(
    <DashboardContext.Provider value={{ api, plugins }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </DashboardContext.Provider>,
  );
  return { router, queryClient, api, location: () => router.state.location.pathname };
}
