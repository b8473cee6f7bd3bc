import { performance } from 'node:perf_hooks';
import type { Logger } from './create-logger.js';

/** Options of {@link logDuration} and {@link startTimer}. */
export interface DurationOptions {
  /** Log at `warn` when the operation took longer than this; unset never warns. */
  warnAfterMs?: number;
  /** Extra fields for the line, e.g. `{ table: 'guilds' }`. */
  fields?: Record<string, unknown>;
}

/** Ends a timer: logs the duration and returns it in milliseconds. */
export type EndTimer = (fields?: Record<string, unknown>) => number;

/**
 * Starts timing `operation`. Calling the returned function logs `{ operation, duration_ms }` at `debug`, or
 * at `warn` with `slow: true` past `warnAfterMs`. For code that cannot be wrapped in a callback.
 *
 * @example
 * ```ts
 * const end = startTimer(logger, 'sync commands', { warnAfterMs: 2_000 });
 * await sync();
 * end({ commands: 12 });
 * ```
 */
export function startTimer(logger: Logger, operation: string, options: DurationOptions = {}): EndTimer {
  const start = performance.now();
  return (fields) => {
    const durationMs = Math.round((performance.now() - start) * 1000) / 1000;
    const line = { ...options.fields, ...fields, operation, duration_ms: durationMs };
    if (options.warnAfterMs !== undefined && durationMs > options.warnAfterMs) {
      logger.warn({ ...line, slow: true, warn_after_ms: options.warnAfterMs }, `slow operation: ${operation}`);
    } else {
      logger.debug(line, `${operation} took ${durationMs} ms`);
    }
    return durationMs;
  };
}

/**
 * Runs `fn` and logs how long it took (see {@link startTimer}); used to find slow queries and calls. A
 * failure is timed too (with `failed: true`) and rethrown unchanged.
 *
 * @param operation a short stable name, e.g. `db: load guild settings`
 * @returns what `fn` resolves to
 * @example
 * ```ts
 * const rows = await logDuration(logger, 'db: load guild settings', () => repo.find(guildId), { warnAfterMs: 200 });
 * ```
 */
export async function logDuration<T>(logger: Logger, operation: string, fn: () => T | Promise<T>, options: DurationOptions = {}): Promise<T> {
  const end = startTimer(logger, operation, options);
  try {
    const result = await fn();
    end();
    return result;
  } catch (error) {
    end({ failed: true });
    throw error;
  }
}
