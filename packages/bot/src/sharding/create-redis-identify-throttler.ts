import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KeyValueStore } from '@baseline/core';

/** The identify throttler contract of `@discordjs/ws` (`IIdentifyThrottler`). */
export interface IdentifyThrottler {
  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void>;
}

/** Options of {@link createRedisIdentifyThrottler}. */
export interface RedisIdentifyThrottlerOptions {
  /** `session_start_limit.max_concurrency` of `GET /gateway/bot`: identify buckets are `shard_id % maxConcurrency`. */
  maxConcurrency: number;
  /**
   * Minimum spacing of two identifies in one bucket, in milliseconds (Discord's rule is 5 s).
   * @default 5000
   */
  intervalMs?: number;
  /**
   * Added to `intervalMs`, covering the time between the grant and the IDENTIFY reaching Discord.
   * @default 100
   */
  marginMs?: number;
  /** Called with each grant, e.g. to log or test the order. */
  onGrant?: (grant: { shardId: number; bucket: number; at: number }) => void;
}

/**
 * An identify throttler shared by every process of a deployment through the key-value store: a shard may
 * identify once it claims the key `identify:<shard_id % maxConcurrency>` (`SET NX` with an expiry of
 * `intervalMs + marginMs`), so at most one shard per bucket identifies per window across all processes and
 * hosts. Waiters sleep for the key's remaining time and try again; an abort ends the wait.
 *
 * With the in-memory store it throttles one process only (development).
 *
 * @param kv - the deployment's shared key-value store (Redis in production)
 * @param options - see {@link RedisIdentifyThrottlerOptions}
 */
export function createRedisIdentifyThrottler(kv: KeyValueStore, options: RedisIdentifyThrottlerOptions): IdentifyThrottler {
  const { maxConcurrency, intervalMs = 5000, marginMs = 100, onGrant } = options;
  const windowMs = intervalMs + marginMs;
  return {
    async waitForIdentify(shardId, signal) {
      const bucket = shardId % Math.max(1, maxConcurrency);
      const key = `identify:${bucket}`;
      const token = randomUUID();
      for (;;) {
        signal.throwIfAborted();
        if (await kv.setIfAbsent(key, token, windowMs)) {
          onGrant?.({ shardId, bucket, at: Date.now() });
          return;
        }
        const remaining = await kv.ttl(key);
        const wait = typeof remaining === 'number' && remaining > 0 ? Math.min(remaining, windowMs) : 25;
        await sleep(wait + Math.floor(Math.random() * 20), undefined, { signal });
      }
    },
  };
}

/** The slice of `@discordjs/ws`'s WebSocketManager the builder reads. */
export interface GatewayInfoSource {
  fetchGatewayInformation(force?: boolean): Promise<{ session_start_limit: { max_concurrency: number } }>;
}

/**
 * A `ws.buildIdentifyThrottler` client option using {@link createRedisIdentifyThrottler}, with
 * `maxConcurrency` taken from `GET /gateway/bot`.
 *
 * @example
 * ```ts
 * const client = new Client({ intents, ws: { buildIdentifyThrottler: buildRedisIdentifyThrottler(services.kv) } });
 * ```
 */
export function buildRedisIdentifyThrottler(
  kv: KeyValueStore,
  options: Omit<RedisIdentifyThrottlerOptions, 'maxConcurrency'> = {},
): (manager: GatewayInfoSource) => Promise<IdentifyThrottler> {
  return async (manager) => {
    const info = await manager.fetchGatewayInformation();
    return createRedisIdentifyThrottler(kv, { ...options, maxConcurrency: info.session_start_limit.max_concurrency });
  };
}
