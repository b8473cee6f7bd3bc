import { createLogger, discordIntentsBitfield, resolveDiscordIntent, type LoadedPlugin, type PluginFailure } from '@baseline/core';
import { PermissionFlagsBits, type PermissionsString } from 'discord.js';
import pc from 'picocolors';
import { appPlugins, loadAppForCommand } from '../app/app-plugins.js';
import { startForInspection } from '../app/start-for-inspection.js';
import { CLI_ERROR_CODES, CliError } from '../support/cli-error.js';
import { formatTable } from '../support/format-table.js';
import { readAppPackage } from '../support/read-app-package.js';
import { withSpinner } from '../support/spinner.js';
import { stopOnSignals } from '../support/stop-on-signals.js';

/** `baseline plugins list|doctor`. */
function formatPluginTable(plugins: readonly LoadedPlugin[]): string {
  if (plugins.length === 0) return 'No plugins.';
  const rows = plugins.map((loaded) => [
    loaded.id,
    loaded.packageName ?? '(local)',
    loaded.plugin.version,
    loaded.manifest?.baselineVersion ?? '',
    (loaded.plugin.intents ?? []).map(String).join(', ') || '-',
    (loaded.plugin.permissions ?? []).map(String).join(', ') || '-',
  ]);
  return formatTable(['plugin', 'package', 'version', 'baseline range', 'intents', 'permissions'], rows);
}

function formatFailures(failures: readonly PluginFailure[]): string {
  return failures
    .map((failure) => `${pc.red('skipped')} ${failure.packageName ?? failure.pluginId ?? '?'}: ${failure.error.code} ${failure.error.message}\n`)
    .join('');
}

export async function doctor(appDir: string): Promise<void> {
  const running = await withSpinner('Starting the bot', () => startForInspection(appDir));
  const removeHandlers = stopOnSignals(() => running.close());
  const problems: string[] = [];
  try {
    const { client, services } = running.bot;
    const identified = Number(client.options.intents.bitfield);
    const rows: string[][] = [];
    for (const failure of services.pluginFailures) problems.push(`${failure.packageName ?? failure.pluginId}: ${failure.error.code} ${failure.error.message}`);
    for (const loaded of services.plugins) {
      const intents = (loaded.plugin.intents ?? []).map((intent) => {
        const name = typeof intent === 'number' ? undefined : resolveDiscordIntent(intent);
        const bit = typeof intent === 'number' ? intent : name === undefined ? 0 : discordIntentsBitfield([name]);
        const ok = (identified & bit) === bit;
        if (!ok) problems.push(`${loaded.id}: the bot identifies without the ${String(intent)} intent (DISCORD_INTENTS leaves it out)`);
        return `${String(intent)} ${ok ? 'ok' : 'MISSING'}`;
      });
      rows.push([loaded.id, '(gateway)', intents.join(', ') || '-']);
      for (const guild of client.guilds.cache.values()) {
        const me = guild.members.me;
        const permissions = (loaded.plugin.permissions ?? []).map((permission) => {
          const ok = isKnownPermission(permission) && (me?.permissions.has(permission) ?? false);
          if (!ok) problems.push(`${loaded.id}: the bot lacks ${String(permission)} in guild "${guild.name}" (${guild.id})`);
          return `${String(permission)} ${ok ? 'ok' : 'MISSING'}`;
        });
        rows.push([loaded.id, `${guild.name} (${guild.id})`, permissions.join(', ') || '-']);
      }
    }
    process.stdout.write(`${rows.length === 0 ? 'No plugins.' : formatTable(['plugin', 'where', 'needs'], rows)}\n`);
    process.stdout.write(formatDataCompliance(services.plugins));
  } finally {
    removeHandlers();
    await running.close();
  }
  if (problems.length > 0) {
    throw new CliError(
      CLI_ERROR_CODES.pluginIncompatible,
      `${problems.length} problem(s):\n  ${problems.join('\n  ')}\nGrant the permissions in the guilds' role settings, or add the intents to DISCORD_INTENTS.`,
    );
  }
  process.stdout.write(`${pc.green('✔')} every plugin has what it needs.\n`);
}

/**
 * The user-data compliance of each plugin: a `deleteUserData` hook (without it, erasures leave its data behind) and
 * the manifest's `endUserData` statement. Listed, not counted as a problem: the bot runs either way.
 */
export function formatDataCompliance(plugins: readonly LoadedPlugin[]): string {
  if (plugins.length === 0) return '';
  const rows = plugins.map((loaded) => [
    loaded.id,
    loaded.plugin.deleteUserData === undefined ? pc.yellow('not compliant: no deleteUserData hook') : pc.green('compliant'),
    loaded.manifest?.endUserData ?? pc.yellow('no endUserData statement in the manifest'),
  ]);
  return `${formatTable(['plugin', 'user data deletion', 'end-user data statement'], rows)}\n`;
}

/** Prints the plugins the bot would load, and those it would skip. */
export async function listPlugins(appDir: string): Promise<void> {
  readAppPackage(appDir);
  const app = await loadAppForCommand(appDir);
  const result = await appPlugins(appDir, app, createLogger({ service: 'cli', level: 'silent' }));
  process.stdout.write(`${formatPluginTable(result.plugins)}\n${formatFailures(result.failures)}`);
}

/** A bit, or the name of a discord.js permission flag (`'BanMembers'`); other names are never held. */
function isKnownPermission(permission: string | bigint): permission is PermissionsString | bigint {
  return typeof permission === 'bigint' || Object.hasOwn(PermissionFlagsBits, permission);
}
