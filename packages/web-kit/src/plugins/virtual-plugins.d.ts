// The module `baselineDashboard()` (the `@baseline/web-kit/vite` plugin) generates from the app's dependencies.
declare module 'virtual:baseline/plugins' {
  import type { WebPluginEntry } from '@baseline/web-kit';

  const entries: readonly WebPluginEntry[];
  export default entries;
  /** The API's base URL from `baselineDashboard({ apiBaseUrl })`; '' means the page's own origin. */
  export const apiBaseUrl: string;
}
