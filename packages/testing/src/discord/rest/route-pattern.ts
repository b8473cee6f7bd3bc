/**
 * A request matcher used by `forceRateLimit` and `addLatency`: a RegExp tested on `"METHOD /path"`, or a
 * string `"[METHOD ]/path"` whose `:name` and `*` segments match any one segment. Paths are the decoded
 * route without `/api/v10` (e.g. `"POST /channels/:id/messages"`, `"/interactions/*\/*\/callback"`).
 */
export type RoutePattern = string | RegExp;

/** Compiles a {@link RoutePattern} into a predicate over method and decoded path. */
export function compileRoutePattern(pattern: RoutePattern): (method: string, path: string) => boolean {
  if (pattern instanceof RegExp) return (method, path) => pattern.test(`${method} ${path}`);
  const space = pattern.indexOf(' ');
  const method = space > 0 ? pattern.slice(0, space).toUpperCase() : null;
  const segments = (space > 0 ? pattern.slice(space + 1) : pattern).split('/').filter(Boolean);
  return (requestMethod, path) => {
    if (method && method !== requestMethod) return false;
    const parts = path.split('/').filter(Boolean);
    if (parts.length !== segments.length) return false;
    return segments.every((segment, index) => segment === '*' || segment.startsWith(':') || segment === parts[index]);
  };
}
