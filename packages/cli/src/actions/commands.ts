import type { CommandSyncPlan } from '@baseline/bot';
import { startForInspection } from '../app/start-for-inspection.js';
import { formatTable } from '../support/format-table.js';
import { withSpinner } from '../support/spinner.js';
import { stopOnSignals } from '../support/stop-on-signals.js';

/** `baseline commands plan|sync`: the bot's command sync, previewed or applied. */
export async function syncAndPrint(appDir: string, guildId: string | undefined, dryRun: boolean): Promise<void> {
  const running = await withSpinner('Starting the bot to read its commands', () => startForInspection(appDir));
  const removeHandlers = stopOnSignals(() => running.close());
  try {
    const result = await withSpinner(dryRun ? 'Reading the registry' : 'Syncing', () =>
      running.bot.commands.sync({ dryRun, force: true, ...(guildId === undefined ? {} : { guildIds: [guildId] }) }),
    );
    const where = running.emulator === undefined ? 'Discord' : 'the Discord emulator (no DISCORD_BOT_TOKEN)';
    process.stdout.write(`${formatPlans(result.plans)}\n\n${dryRun ? `Plan against ${where}; nothing written.` : `${result.writes} write(s) to ${where}.`}\n`);
  } finally {
    removeHandlers();
    await running.close();
  }
}

/** The plans as one table: a row per command and what the sync does with it. */
export function formatPlans(plans: readonly CommandSyncPlan[]): string {
  const rows: string[][] = [];
  for (const plan of plans) {
    const scope = plan.guildId === null ? 'global' : `guild ${plan.guildId}`;
    for (const body of plan.create) rows.push([scope, 'create', label(body.name, body.type)]);
    for (const { body } of plan.update) rows.push([scope, 'update', label(body.name, body.type)]);
    for (const removed of plan.delete) rows.push([scope, 'delete', label(removed.name, removed.type)]);
    for (const name of plan.unchanged) rows.push([scope, 'unchanged', `/${name}`]);
  }
  return rows.length === 0 ? 'No commands.' : formatTable(['scope', 'change', 'command'], rows);
}

function label(name: string, type: number | undefined): string {
  return (type ?? 1) === 1 ? `/${name}` : `${name} (${type === 2 ? 'user' : 'message'} menu)`;
}
