import type { BaselineConfig } from '../config/baseline-config.js';
import { secretsOf } from '../config/secrets-of.js';
import { createLogger, type CreateLoggerOptions, type Logger } from './create-logger.js';
import { prettyByDefault } from './pretty-by-default.js';

/**
 * Creates the process's root logger from the configuration: `LOG_LEVEL`, `LOG_PRETTY` (unset: pretty in a terminal
 * outside production, see {@link prettyByDefault}), `LOG_FILE` (with its
 * rotation settings) and every configured secret for redaction.
 *
 * @param overrides options that win over the configuration: `service` (default `baseline`), a `destination` in tests, …
 * @example
 * ```ts
 * const config = loadConfig();
 * const logger = createLoggerFromConfig(config, { service: 'bot' });
 * ```
 */
export function createLoggerFromConfig(config: BaselineConfig, overrides: Partial<CreateLoggerOptions> = {}): Logger {
  return createLogger({
    service: 'baseline',
    level: config.log.level,
    pretty: config.log.pretty ?? prettyByDefault(config.nodeEnv),
    ...(config.log.file === undefined ? {} : { file: { ...config.log.file } }),
    ...overrides,
    secrets: [...secretsOf(config), ...(overrides.secrets ?? [])],
  });
}
