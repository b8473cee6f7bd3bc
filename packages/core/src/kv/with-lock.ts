import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BaselineError } from '../errors/baseline-error.js';
import type { KeyValueStore, LockOptions } from './key-value-store.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** The key under which lock `name` lives. */
export function lockKey(name: string): string {
  return `lock:${name}`;
}

/**
 * The shared implementation of {@link KeyValueStore.withLock}: acquire with `SET NX PX` and a random token,
 * release with a compare-and-delete, so an expired holder never releases a lock it lost.
 */
export async function withLock<T>(
  store: Pick<KeyValueStore, 'setIfAbsent' | 'delIfEquals'>,
  name: string,
  ttlMs: number,
  fn: () => Promise<T> | T,
  { waitMs = 0, retryMs = 100 }: LockOptions = {},
): Promise<T> {
  const key = lockKey(name);
  const token = randomUUID();
  const deadline = Date.now() + waitMs;
  while (!(await store.setIfAbsent(key, token, ttlMs))) {
    if (Date.now() >= deadline) {
      throw new BaselineError(CORE_ERROR_CODES.kv.lockBusy, `lock "${name}" is held by another process`, {
        details: { lock: name, waitMs },
      });
    }
    await sleep(Math.min(retryMs, Math.max(1, deadline - Date.now())));
  }
  try {
    return await fn();
  } finally {
    await store.delIfEquals(key, token);
  }
}
