import { setTimeout as sleep } from 'node:timers/promises';

/**
 * An @discordjs/ws identify throttler with a configurable window: IDENTIFYs sharing `shard_id %
 * max_concurrency` are spaced by `intervalMs` (Discord's is 5 s). Used when the emulator runs with a
 * shorter window so tests don't wait 5 s per re-identify, while the emulator still enforces the window.
 */
export function createIdentifyThrottler(maxConcurrency: number, intervalMs: number) {
  const lastByKey = new Map<number, Promise<number>>();
  return {
    async waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
      const key = shardId % maxConcurrency;
      const previous = lastByKey.get(key) ?? Promise.resolve(-Infinity);
      const turn = previous.then(async (lastAt) => {
        const wait = lastAt + intervalMs + 10 - Date.now();
        if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
        return Date.now();
      });
      lastByKey.set(
        key,
        turn.catch(() => Date.now()),
      );
      await turn;
      signal.throwIfAborted();
    },
  };
}
