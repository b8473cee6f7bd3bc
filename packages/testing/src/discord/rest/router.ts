import type { RouteDefinition } from './route.js';

/** A matched route with its parameters and the template used for rate-limit buckets. */
export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: RouteDefinition;
  segments: string[];
}

/** Matches decoded paths against route templates, grouped by segment count. */
export class Router {
  readonly #bySize = new Map<number, CompiledRoute[]>();

  constructor(routes: readonly RouteDefinition[]) {
    for (const route of routes) {
      const segments = route.path.split('/').filter(Boolean);
      let list = this.#bySize.get(segments.length);
      if (!list) {
        list = [];
        this.#bySize.set(segments.length, list);
      }
      list.push({ route, segments });
    }
    // Literal segments win over parameters (`/users/@me` before `/users/:user_id`).
    for (const list of this.#bySize.values()) {
      list.sort((a, b) => literalScore(b.segments) - literalScore(a.segments));
    }
  }

  /** The route for `method` + `path`; `methodMismatch` when only another method matches. */
  match(method: string, parts: readonly string[]): RouteMatch | 'methodMismatch' | null {
    const candidates = this.#bySize.get(parts.length);
    if (!candidates) return null;
    let mismatch = false;
    for (const { route, segments } of candidates) {
      const params: Record<string, string> = {};
      let ok = true;
      for (let index = 0; index < segments.length; index++) {
        const segment = segments[index]!;
        const part = parts[index]!;
        if (segment.startsWith(':')) params[segment.slice(1)] = part;
        else if (segment !== part) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (route.method !== method) {
        mismatch = true;
        continue;
      }
      return { route, params };
    }
    return mismatch ? 'methodMismatch' : null;
  }
}

function literalScore(segments: readonly string[]): number {
  return segments.reduce((score, segment, index) => score + (segment.startsWith(':') ? 0 : 2 ** (segments.length - index)), 0);
}
