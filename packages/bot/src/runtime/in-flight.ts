import { setTimeout as sleep } from 'node:timers/promises';

/** Tracks handlers that are running, so shutdown can wait for them. */
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();

  /** How many handlers are running now. */
  get size(): number {
    return this.#running.size;
  }

  /** Runs `fn` and counts it as in flight until it settles. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const promise = fn();
    const tracked = promise.then(
      () => undefined,
      () => undefined,
    );
    this.#running.add(tracked);
    void tracked.then(() => this.#running.delete(tracked));
    return promise;
  }

  /** Waits until nothing runs or `timeoutMs` passes; returns how many were still running. */
  async drain(timeoutMs: number): Promise<number> {
    const abort = new AbortController();
    const timeout = sleep(timeoutMs, 'timeout', { signal: abort.signal }).catch(() => 'aborted');
    while (this.#running.size > 0) {
      const outcome = await Promise.race([Promise.all([...this.#running]).then(() => 'settled'), timeout]);
      if (outcome === 'timeout') break;
    }
    abort.abort();
    return this.#running.size;
  }
}
