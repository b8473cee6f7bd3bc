/** What {@link stopOnSignals} listens on and exits through: the process, or a stand-in in tests. */
export interface SignalHost {
  on(signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
  readonly stderr: { write(text: string): unknown };
}

/**
 * Stops everything the command started when SIGINT or SIGTERM arrives, then exits: 0 when `stop` resolved,
 * 1 when it threw. A second signal exits at once with 130. Child processes (Vite, a package manager) are
 * stopped by `stop`, so nothing outlives the command.
 *
 * @param host - where signals come from and how to exit. @default process
 * @returns a function that removes the handlers.
 */
export function stopOnSignals(stop: () => Promise<void>, host: SignalHost = process): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return host.exit(130);
    stopping = true;
    host.stderr.write(`\n${signal}: stopping…\n`);
    stop().then(
      () => host.exit(0),
      (error: unknown) => {
        host.stderr.write(`stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
        host.exit(1);
      },
    );
  };
  host.on('SIGINT', handler);
  host.on('SIGTERM', handler);
  return () => {
    host.off('SIGINT', handler);
    host.off('SIGTERM', handler);
  };
}
