import { MAJOR_PARAMETERS, type RouteDefinition } from './route.js';

/** A matched route with its parameters and the rate-limit key of its major parameters. */
export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
  /** Values of the route's major parameters joined with `:` (empty when it has none). */
  major: string;
}

interface CompiledRoute {
  route: RouteDefinition;
  /** Literal segment text, or null where the template has a parameter. */
  literals: (string | null)[];
  /** Parameter name per segment, or null for literals. */
  names: (string | null)[];
  /** Segment indexes of major parameters, in template order. */
  majors: number[];
}

/**
 * Matches decoded paths against route templates, grouped by segment count. Templates are split once here,
 * so a request only compares strings and allocates its params when a route matched.
 */
export class Router {
  readonly #bySize = new Map<number, CompiledRoute[]>();

  constructor(routes: readonly RouteDefinition[]) {
    for (const route of routes) {
      const segments = route.path.split('/').filter(Boolean);
      const names = segments.map((segment) => (segment.startsWith(':') ? segment.slice(1) : null));
      const compiled: CompiledRoute = {
        route,
        literals: segments.map((segment, index) => (names[index] === null ? segment : null)),
        names,
        majors: names.flatMap((name, index) => (name !== null && MAJOR_PARAMETERS.has(name) ? [index] : [])),
      };
      let list = this.#bySize.get(segments.length);
      if (!list) {
        list = [];
        this.#bySize.set(segments.length, list);
      }
      list.push(compiled);
    }
    // Literal segments win over parameters (`/users/@me` before `/users/:user_id`).
    for (const list of this.#bySize.values()) {
      list.sort((a, b) => literalScore(b.literals) - literalScore(a.literals));
    }
  }

  /** The route for `method` + `path`; `methodMismatch` when only another method matches. */
  match(method: string, parts: readonly string[]): RouteMatch | 'methodMismatch' | null {
    const candidates = this.#bySize.get(parts.length);
    if (!candidates) return null;
    let mismatch = false;
    for (const candidate of candidates) {
      if (!literalsMatch(candidate.literals, parts)) continue;
      if (candidate.route.method !== method) {
        mismatch = true;
        continue;
      }
      const params: Record<string, string> = {};
      const { names, majors } = candidate;
      for (let index = 0; index < names.length; index++) {
        const name = names[index];
        if (name !== null && name !== undefined) params[name] = parts[index]!;
      }
      let major = '';
      for (let index = 0; index < majors.length; index++) major += (index === 0 ? '' : ':') + parts[majors[index]!];
      return { route: candidate.route, params, major };
    }
    return mismatch ? 'methodMismatch' : null;
  }
}

function literalsMatch(literals: readonly (string | null)[], parts: readonly string[]): boolean {
  for (let index = 0; index < literals.length; index++) {
    const literal = literals[index];
    if (literal !== null && literal !== parts[index]) return false;
  }
  return true;
}

function literalScore(literals: readonly (string | null)[]): number {
  return literals.reduce((score, literal, index) => score + (literal === null ? 0 : 2 ** (literals.length - index)), 0);
}
