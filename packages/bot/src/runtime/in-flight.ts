import { within } from '@baseline/core';

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
    const deadline = performance.now() + timeoutMs;
    // Handlers started while waiting are waited for too, within the same deadline.
    while (this.#running.size > 0) {
      const settled = await within(Promise.all([...this.#running]), deadline - performance.now());
      if (!settled.settled) break;
    }
    return this.#running.size;
  }
}
