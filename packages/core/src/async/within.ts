/** What {@link within} saw: the promise's value, or that the time ran out first. */
export type Within<T> = { settled: true; value: T } | { settled: false };

/**
 * Waits for `promise` for at most `ms` milliseconds. The promise is not cancelled when the time runs out: it keeps
 * running, and a rejection after that point is handled here rather than reported as unhandled. A rejection within
 * the time rejects. The timer is cleared either way, so it never holds the process open.
 *
 * @example
 * ```ts
 * const closed = await within(worker.close(), 10_000);
 * if (!closed.settled) connection.disconnect();
 * ```
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<Within<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Within<T>>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise.then((value): Within<T> => ({ settled: true, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
