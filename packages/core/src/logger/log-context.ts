import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Fields added to every log line written inside {@link withLogContext}. Snake case, as they appear in the
 * JSON output. Any extra field is allowed; keep values small and never secret.
 */
export interface LogContext {
  guild_id?: string;
  user_id?: string;
  correlation_id?: string;
  [field: string]: unknown;
}

const storage = new AsyncLocalStorage<Readonly<LogContext>>();
const EMPTY: Readonly<LogContext> = Object.freeze({});

/**
 * Runs `fn` with `context` merged over the current log context. Every line logged inside, including after
 * awaits, in timers and through child loggers, carries these fields.
 *
 * @returns what `fn` returns (a promise stays a promise)
 * @example
 * ```ts
 * await withLogContext({ guild_id: interaction.guildId, correlation_id: createCorrelationId() }, () => handle(interaction));
 * ```
 */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  const current = storage.getStore();
  return storage.run(Object.freeze(current === undefined ? { ...context } : { ...current, ...context }), fn);
}

/** The log context of the current async execution; an empty object outside {@link withLogContext}. */
export function getLogContext(): Readonly<LogContext> {
  return storage.getStore() ?? EMPTY;
}

/** A new random correlation id (a UUID) for tracing one request or operation across services. */
export function createCorrelationId(): string {
  return randomUUID();
}
