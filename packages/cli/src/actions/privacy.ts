import { eraseUserData, isBaselineError, type UserDataErasureReport } from '@baseline/core';
import pc from 'picocolors';
import { startForInspection } from '../app/start-for-inspection.js';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { formatTable } from '../support/format-table.js';
import { withSpinner } from '../support/spinner.js';
import { stopOnSignals } from '../support/stop-on-signals.js';

/** `baseline privacy erase <user-id>`: runs the erasure with the app's plugins loaded, then prints the report. */
export async function eraseAndPrint(appDir: string, userId: string): Promise<void> {
  if (!/^\d{17,20}$/.test(userId)) {
    throw new CliError(
      CLI_ERROR_CODES.invalidArgument,
      `"${userId.slice(0, 40)}" is not a Discord user id: pass 17 to 20 digits, e.g. baseline privacy erase 123456789012345678`,
    );
  }
  const running = await withSpinner('Starting the bot with its plugins', () => startForInspection(appDir));
  const removeHandlers = stopOnSignals(() => running.close());
  let report: UserDataErasureReport;
  try {
    report = await withSpinner(`Erasing user ${userId}`, () => eraseUserData(running.bot.services, userId, { requester: 'operator' }));
  } catch (error) {
    if (isBaselineError(error)) throw new CliError(CLI_ERROR_CODES.invalidArgument, error.message, { cause: error });
    throw error;
  } finally {
    removeHandlers();
    await running.close();
  }
  process.stdout.write(`${formatErasureReport(report)}\n`);
  const failed = report.plugins.filter((entry) => entry.status === 'failed');
  if (failed.length > 0) {
    throw new CliError(
      CLI_ERROR_CODES.pluginIncompatible,
      `${failed.map((entry) => entry.plugin).join(', ')} failed to erase; see the logs with correlation id ${report.correlationId}, fix the plugin, and run the command again (it is idempotent)`,
    );
  }
}

/** The report as a table: baseline's tables, then one row per plugin. */
export function formatErasureReport(report: UserDataErasureReport): string {
  const counts = (erased: Readonly<Record<string, number>>) =>
    Object.entries(erased)
      .map(([what, count]) => `${what}: ${count}`)
      .join(', ') || '-';
  const rows = [
    ['baseline', pc.green('erased'), counts({ ...report.baseline })],
    ...report.plugins.map((entry) =>
      entry.status === 'erased'
        ? [entry.plugin, pc.green('erased'), counts(entry.erased) + (entry.note === undefined ? '' : ` (${entry.note})`)]
        : entry.status === 'failed'
          ? [entry.plugin, pc.red('failed'), `${entry.error.code ?? ''} ${entry.error.message}`.trim()]
          : [entry.plugin, pc.yellow('not compliant'), 'no deleteUserData hook: its data is still there'],
    ),
  ];
  return `${formatTable(['who', 'outcome', 'what'], rows)}\ncorrelation id: ${report.correlationId}`;
}
