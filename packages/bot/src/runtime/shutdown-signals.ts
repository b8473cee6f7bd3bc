import type { Logger } from '@baseline/core';

/** SIGTERM/SIGINT handlers installed before startup; see {@link installShutdownSignals}. */
export interface ShutdownSignals {
  /**
   * Gives the handlers what to run. A signal that arrived before runs `stop` now. From then on a signal stops
   * gracefully, then exits: 0 when `stop` finished, 1 when it failed or took longer than `hardLimitMs`.
   */
  bind(stop: () => Promise<void>, logger: Logger): void;
  /** Removes the handlers. */
  remove(): void;
}

/**
 * Installs SIGTERM/SIGINT handlers before any startup work, so a signal during startup (migrations, plugin
 * setup, login) is held until the bot can stop gracefully instead of killing the process half-way. The hard
 * limit starts when stopping starts, not when the signal arrives: a long migration is not cut short. A second
 * signal exits at once with code 1, during startup too.
 *
 * @param hardLimitMs - how long a graceful stop may take before the process exits with code 1
 */
export function installShutdownSignals(hardLimitMs: number): ShutdownSignals {
  let received: NodeJS.Signals | undefined;
  let bound: { stop: () => Promise<void>; logger: Logger } | undefined;
  let stopping = false;

  const stopNow = () => {
    if (bound === undefined || received === undefined || stopping) return;
    stopping = true;
    const { stop, logger } = bound;
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

  const onSignal = (signal: NodeJS.Signals) => {
    if (received !== undefined) {
      bound?.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    received = signal;
    if (bound === undefined) return;
    bound.logger.info({ signal }, 'shutdown signal received');
    stopNow();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  return {
    bind(stop, logger) {
      bound = { stop, logger };
      if (received !== undefined) {
        logger.info({ signal: received }, 'shutdown signal received during startup: stopping now');
        stopNow();
      }
    },
    remove() {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}
