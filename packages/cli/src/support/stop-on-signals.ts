/**
 * Stops everything the command started when SIGINT or SIGTERM arrives, then exits: 0 when `stop` resolved,
 * 1 when it threw. A second signal exits at once with 130. Child processes (Vite, a package manager) are
 * stopped by `stop`, so nothing outlives the command.
 *
 * @returns a function that removes the handlers.
 */
export function stopOnSignals(stop: () => Promise<void>): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`\n${signal}: stopping…\n`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
