import { createContext, useContext } from 'react';
import type { DashboardApi } from '../client/api-client.js';
import { WEB_KIT_ERROR_CODES, WebKitError } from '../errors/web-kit-error.js';
import type { RegisteredWebPlugin } from '../plugins/plugin-entries.js';

/** What every page can reach: the API and the registered plugins. */
export interface DashboardContextValue {
  api: DashboardApi;
  plugins: readonly RegisteredWebPlugin[];
}

export const DashboardContext = createContext<DashboardContextValue | null>(null);

/** The dashboard's API and plugins; for use inside pages (plugin pages included). */
export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (value === null) throw new WebKitError(WEB_KIT_ERROR_CODES.contextMissing, 'useDashboard() must be called inside a page rendered by mountDashboard()');
  return value;
}
