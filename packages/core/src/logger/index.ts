// Creating loggers.
export { closeLogger, createLogger, type CreateLoggerOptions, type Logger } from './create-logger.js';
export { createLoggerFromConfig } from './create-logger-from-config.js';
export { prettyByDefault } from './pretty-by-default.js';
export type { LogFileOptions } from './log-destination.js';
// Context carried through async code.
export { createCorrelationId, getLogContext, withLogContext, type LogContext } from './log-context.js';
// Timing operations.
export { logDuration, startTimer, type DurationOptions, type EndTimer } from './log-duration.js';
// Redaction, for other sinks (HTTP error bodies, audit logs).
export { createRedactor, type Redactor } from './create-redactor.js';
export { REDACTED } from './secret-patterns.js';
