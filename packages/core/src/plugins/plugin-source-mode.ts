/**
 * Whether this process runs baseline from its TypeScript sources: `@baseline/core` resolved through the
 * `@baseline/source` export condition (`tsx --conditions=@baseline/source`, as `npm run demo` runs, or the
 * repo's Vitest projects). A TypeScript loader is active then, so plugins' `source` entries can be imported;
 * from the published `dist/` it is not, and plugins load from their built `entry`.
 *
 * Read from this module's own URL: there is no API listing the active conditions, and the URL says exactly
 * which file the condition picked.
 */
export function pluginSourceMode(): boolean {
  return import.meta.url.endsWith('.ts');
}
