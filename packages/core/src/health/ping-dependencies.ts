import type { Database } from '../database/create-database.js';
import type { KeyValueStore } from '../kv/key-value-store.js';
import { within } from '../async/within.js';

/**
 * One dependency's state, in the JSON shape every health answer uses (snake_case, as log fields): reachable
 * with its round trip, or down with the kind of failure.
 */
export interface DependencyHealth {
  readonly ok: boolean;
  /** Round trip in milliseconds, two decimals; `null` when down. */
  readonly latency_ms: number | null;
  /**
   * Why it is down: `no answer within <n> ms`, or `unreachable`. Never the driver's message, which can carry
   * host names and user names, since health answers are public.
   */
  readonly error?: string;
}

/** The state of a health answer: `ok` when everything checked is, `degraded` otherwise. */
export type HealthStatus = 'ok' | 'degraded';

/** What {@link pingDependencies} reports. */
export interface DependenciesHealth {
  readonly database: DependencyHealth;
  /** `kind` tells Redis from the in-memory store of single-process development. */
  readonly redis: DependencyHealth & { readonly kind: KeyValueStore['kind'] };
}

/** Options of {@link pingDependencies}. */
export interface PingDependenciesOptions {
  /** Bound of each ping, so a hung server makes the check fail rather than hang. @default 2000 */
  timeoutMs?: number;
}

/**
 * Pings PostgreSQL and the key-value store at once, each bounded by `timeoutMs`. Used by the bot's `/health`,
 * its `/status` command and the API's health route, so all three report the same fields and states.
 *
 * @example
 * ```ts
 * const { database, redis } = await pingDependencies(services, { timeoutMs: 2000 });
 * if (!database.ok) logger.warn({ error: database.error }, 'database down');
 * ```
 */
export async function pingDependencies(
  services: { readonly db: Pick<Database, 'ping'>; readonly kv: Pick<KeyValueStore, 'ping' | 'kind'> },
  options: PingDependenciesOptions = {},
): Promise<DependenciesHealth> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const [database, redis] = await Promise.all([ping(() => services.db.ping(), timeoutMs), ping(() => services.kv.ping(), timeoutMs)]);
  return { database, redis: { ...redis, kind: services.kv.kind } };
}

/** The overall state of a set of dependency checks. */
export function healthStatus(checks: readonly DependencyHealth[]): HealthStatus {
  return checks.every((check) => check.ok) ? 'ok' : 'degraded';
}

async function ping(run: () => Promise<number>, timeoutMs: number): Promise<DependencyHealth> {
  try {
    const answered = await within(run(), timeoutMs);
    if (!answered.settled) return { ok: false, latency_ms: null, error: `no answer within ${timeoutMs} ms` };
    return { ok: true, latency_ms: Math.round(answered.value * 100) / 100 };
  } catch {
    return { ok: false, latency_ms: null, error: 'unreachable' };
  }
}
