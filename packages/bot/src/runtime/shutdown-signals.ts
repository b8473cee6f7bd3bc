import type { Logger } from '@baseline/core';

/**
 * Stops gracefully on SIGTERM or SIGINT, then exits: 0 when `stop` finished, 1 when it failed or took longer
 * than `hardLimitMs`. A second signal exits at once.
 * @returns a function removing the handlers.
 */
export function handleShutdownSignals(stop: () => Promise<void>, logger: Logger, hardLimitMs: number): () => void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    received = true;
    logger.info({ signal }, 'shutdown signal received');
    setTimeout(() => {
      logger.error({ limit_ms: hardLimitMs }, 'graceful shutdown took too long: exiting');
      process.exit(1);
    }, hardLimitMs).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'graceful shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}
