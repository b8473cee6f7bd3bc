import { hostname } from 'node:os';
import pino from 'pino';
import type { LogLevel } from '../config/env-variables.js';
import { createRedactor } from './create-redactor.js';
import { createLogDestination, type LogFileOptions } from './log-destination.js';
import { getLogContext } from './log-context.js';

/** Baseline's logger: a pino logger. `child({ component })` gives each part of the system its own. */
export type Logger = pino.Logger;

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** The process's role, on every line as `service`, e.g. `bot`, `api`. */
  service: string;
  /** The part of the service, on every line as `component`; children usually set their own. */
  component?: string;
  /**
   * The lowest level written.
   * @default 'info'
   */
  level?: LogLevel;
  /** Exact secret values to redact wherever they appear, e.g. `secretsOf(config)`. */
  secrets?: readonly string[];
  /**
   * Human-readable colored lines (pino-pretty) instead of JSON; for development.
   * @default {@link prettyByDefault}() when writing to stdout (a terminal outside production), false with a `destination`
   */
  pretty?: boolean;
  /** Also write JSON lines to a rotating file (in a worker thread). */
  file?: LogFileOptions;
  /** Write here instead of stdout, e.g. an in-memory stream in tests; with `pretty`, a Node writable stream. */
  destination?: pino.DestinationStream;
}

const closers = new WeakMap<Logger, () => Promise<void>>();

/**
 * Creates a JSON-lines logger: ISO `time`, `level` as a label, `service`, `component`, and the fields of the
 * current {@link withLogContext} (`guild_id`, `user_id`, `correlation_id`, …) on every line. Secrets are
 * redacted from messages, fields, bindings and errors (message and stack); errors are logged with stacks.
 * Plain stdout output is synchronous; only file output uses a worker thread.
 *
 * @example
 * ```ts
 * const logger = createLogger({ service: 'bot', level: 'debug', secrets: secretsOf(config) });
 * const log = logger.child({ component: 'commands' });
 * log.info({ command: 'status' }, 'command ran');
 * log.error({ err }, 'command failed');
 * ```
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const redactor = createRedactor(options.secrets);
  const redactRecord = (record: Record<string, unknown>) => redactor.value(record) as Record<string, unknown>;
  const destination = createLogDestination(options);
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: {
        service: options.service,
        ...(options.component === undefined ? {} : { component: options.component }),
        pid: process.pid,
        hostname: hostname(),
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      // A fresh object each time: pino merges the call's fields into it.
      mixin: () => ({ ...getLogContext() }),
      formatters: {
        level: (label) => ({ level: label }),
        bindings: redactRecord,
        log: redactRecord,
      },
      serializers: {
        // Errors are already serialized and redacted by `formatters.log`; pino's serializer would re-wrap them.
        err: (value: unknown) => value,
        msg: (message: unknown) => (typeof message === 'string' ? redactor.string(message) : message),
      },
    },
    destination.stream,
  );
  // pino applies `formatters.bindings` to the root's bindings only, so children's bindings are redacted here;
  // children are created with `Object.create(parent)` and inherit this override.
  const child = logger.child as unknown as (this: unknown, bindings: pino.Bindings, options?: unknown) => unknown;
  Object.defineProperty(logger, 'child', {
    value: function redactedChild(this: unknown, bindings: pino.Bindings, childOptions?: unknown) {
      return child.call(this, redactRecord(bindings), childOptions);
    },
  });
  closers.set(logger, destination.close);
  return logger;
}

/**
 * Flushes and closes the outputs of a logger made by {@link createLogger} (call it on shutdown, so the
 * file transport writes its last lines). Resolves at once for other loggers and children.
 */
export async function closeLogger(logger: Logger): Promise<void> {
  const close = closers.get(logger);
  closers.delete(logger);
  await close?.();
}
