// Stands in for `virtual:baseline/plugins` (vitest.browser.config.ts aliases it here): an app without plugins whose
// API is on the page's own origin. The page tests register plugins themselves where they need one.
import type { WebPluginEntry } from '../../../src/plugins/plugin-entries.js';

const entries: WebPluginEntry[] = [];
export default entries;
export const apiBaseUrl = '';
