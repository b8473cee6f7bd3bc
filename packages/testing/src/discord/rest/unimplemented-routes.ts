/** A REST request no emulated route answers, as `emulator.unimplementedRequests` lists it. */
export interface UnimplementedRequest {
  method: string;
  /** The path with every snowflake replaced by `{id}`, e.g. `/guilds/{id}/emojis`. */
  route: string;
  /** The decoded path as requested. */
  path: string;
  /** Epoch milliseconds of the first such request. */
  at: number;
}

const SNOWFLAKE = /^\d{15,21}$/;

/** `/guilds/1456…/emojis` → `/guilds/{id}/emojis`: one entry (and one warning) per route, not per id. */
export function routeTemplateOf(parts: readonly string[]): string {
  return `/${parts.map((part) => (SNOWFLAKE.test(part) ? '{id}' : part)).join('/')}`;
}

/**
 * Records requests that matched no emulated route. Each distinct method + route is logged once with
 * `warn` and kept, so a test can assert `emulator.unimplementedRequests` is empty after its scenario.
 */
export class UnimplementedRoutes {
  readonly list: UnimplementedRequest[] = [];
  readonly #seen = new Set<string>();

  constructor(private readonly warn: (message: string) => void) {}

  record(method: string, parts: readonly string[], path: string): void {
    const route = routeTemplateOf(parts);
    const key = `${method} ${route}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push({ method, route, path, at: Date.now() });
    this.warn(`[discord-emulator] ${key} is not emulated: answered 404 (see emulator.unimplementedRequests)`);
  }
}
