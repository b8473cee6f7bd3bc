import { LogLevel, type ILogger } from '@sapphire/framework';
import type { Logger } from '@baseline/core';

const LEVELS: Partial<Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'>> = {
  [LogLevel.Trace]: 'trace',
  [LogLevel.Debug]: 'debug',
  [LogLevel.Info]: 'info',
  [LogLevel.Warn]: 'warn',
  [LogLevel.Error]: 'error',
  [LogLevel.Fatal]: 'fatal',
};

/** Sapphire's logger interface on top of a pino logger, so framework messages are JSON lines too. */
export function sapphireLogger(logger: Logger): ILogger {
  const write = (level: LogLevel, ...values: readonly unknown[]) => {
    const method = LEVELS[level];
    if (method === undefined) return;
    const error = values.find((value) => value instanceof Error);
    const text = values
      .filter((value) => !(value instanceof Error))
      .map(String)
      .join(' ');
    if (error === undefined) logger[method](text);
    else logger[method]({ err: error }, text || error.message);
  };
  return {
    has: (level) => {
      const method = LEVELS[level];
      return method !== undefined && logger.isLevelEnabled(method);
    },
    trace: (...values) => write(LogLevel.Trace, ...values),
    debug: (...values) => write(LogLevel.Debug, ...values),
    info: (...values) => write(LogLevel.Info, ...values),
    warn: (...values) => write(LogLevel.Warn, ...values),
    error: (...values) => write(LogLevel.Error, ...values),
    fatal: (...values) => write(LogLevel.Fatal, ...values),
    write,
  };
}
