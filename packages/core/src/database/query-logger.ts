import type { LogContext, Logger as OrmLogger, LoggerNamespace } from '@mikro-orm/core';
import type { Logger } from 'pino';

/** MikroORM namespaces logged when `debug` is on. `query-params` is never among them: SQL logs carry no values. */
export const DEBUG_NAMESPACES: LoggerNamespace[] = ['query', 'info', 'schema', 'discovery'];

/**
 * Routes MikroORM's logs into a pino logger.
 *
 * Slow queries arrive through MikroORM's own `slowQueryThreshold` hook (namespace `slow-query`, always
 * enabled) and become one `warn` line with the SQL text and `duration_ms`. The SQL is the statement with
 * placeholders: parameter values are never logged, because `query-params` is never enabled.
 */
export class PinoQueryLogger implements OrmLogger {
  #debugMode: LoggerNamespace[];

  constructor(
    private readonly logger: Logger,
    debugMode: boolean | LoggerNamespace[] = false,
  ) {
    this.#debugMode = normalise(debugMode);
  }

  log(namespace: string, message: string, context?: LogContext): void {
    if (!this.isEnabled(namespace as LoggerNamespace, context)) return;
    const level = context?.level === 'error' ? 'error' : context?.level === 'warning' ? 'warn' : 'debug';
    this.logger[level]({ orm: namespace }, message.replace(/\s+/g, ' ').trim());
  }

  error(namespace: string, message: string, context?: LogContext): void {
    this.log(namespace, message, { ...context, level: 'error' });
  }

  warn(namespace: string, message: string, context?: LogContext): void {
    this.log(namespace, message, { ...context, level: 'warning' });
  }

  logQuery(context: LogContext): void {
    const namespace = context.namespace ?? 'query';
    if (!this.isEnabled(namespace, context)) return;
    const fields = { sql: context.query, duration_ms: context.took, ...(context.label ? { label: context.label } : {}) };
    if (namespace === 'slow-query') {
      this.logger.warn(fields, 'slow query');
    } else {
      this.logger.debug(fields, context.level === 'error' ? 'query failed' : 'query');
    }
  }

  setDebugMode(debugMode: boolean | LoggerNamespace[]): void {
    this.#debugMode = normalise(debugMode);
  }

  isEnabled(namespace: LoggerNamespace, context?: LogContext): boolean {
    if (namespace === 'query-params') return false;
    if (context?.enabled !== undefined) return context.enabled;
    if (namespace === 'deprecated') return true;
    return (context?.debugMode ?? this.#debugMode).includes(namespace);
  }
}

function normalise(debugMode: boolean | LoggerNamespace[]): LoggerNamespace[] {
  if (debugMode === true) return DEBUG_NAMESPACES;
  if (debugMode === false) return [];
  return debugMode.filter((namespace) => namespace !== 'query-params');
}
