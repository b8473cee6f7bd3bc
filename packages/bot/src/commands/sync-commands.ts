import { CORE_ERROR_CODES, isBaselineError, type KeyValueStore, type Logger } from '@baseline/core';
import { Routes, type REST, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';
import { commandSetHash, commandSyncMarkerKey, DEFAULT_COMMAND_SYNC_MARKER_TTL_MS } from './command-sync-marker.js';
import { planCommandSync, type CommandSyncPlan, type LiveCommand } from './plan-command-sync.js';

/** Discord's limit of command creations per application per guild (and globally) per day. */
export const DAILY_COMMAND_CREATE_LIMIT = 200;

/** Options of {@link syncCommands}. */
export interface SyncCommandsOptions {
  /** discord.js' REST client (`client.rest`), logged in. */
  rest: REST;
  applicationId: string;
  /** Holds the sync lock, the in-sync markers and the daily create counters, shared by every process of the deployment. */
  kv: KeyValueStore;
  logger: Logger;
  /** The commands Discord should hold. */
  commands: readonly RESTPostAPIApplicationCommandsJSONBody[];
  /**
   * Register in these guilds instead of globally (development: guild commands update at once). Global
   * commands are left alone then.
   */
  guildIds?: readonly string[];
  /** Compute and return the plan without writing; always reads the live registry. @default false */
  dryRun?: boolean;
  /** Read the live registry and sync even when the deployment's in-sync marker matches. @default false */
  force?: boolean;
  /**
   * How long a successful sync of a scope marks it in sync for processes with the same commands, in
   * milliseconds: they skip the sync (no lock, no request to Discord). Registry changes made outside baseline
   * within this window are not corrected until it ends. `0` turns the marker off. @default 3_600_000 (1 hour)
   */
  syncMarkerTtlMs?: number;
  /** Creations allowed per scope per UTC day before refusing. @default 200 */
  dailyCreateLimit?: number;
  /** How long the sync lock may be held, in milliseconds. @default 120_000 */
  lockTtlMs?: number;
}

/** What {@link syncCommands} did. */
export interface CommandSyncResult {
  /** One plan per scope read from Discord (global, or each guild); scopes marked in sync are not read. */
  readonly plans: readonly CommandSyncPlan[];
  /** `false` for a dry run, or when nothing was done (`skipped`). */
  readonly applied: boolean;
  /**
   * Why nothing was done: another process of the deployment is syncing (`locked`), or every scope was synced
   * to these same commands within the marker's time to live (`in-sync`).
   */
  readonly skipped?: 'locked' | 'in-sync';
  /** Requests that changed Discord's registry. */
  readonly writes: number;
}

/**
 * Makes Discord's command registry match `commands`, writing only differences: creates, edits and deletes,
 * never a bulk overwrite. Runs under the key-value lock `commands-sync:<app>` so one process per deployment
 * syncs; another process finding the lock taken skips. After a scope is synced, a marker holding the hash of
 * the commands is kept for `syncMarkerTtlMs`: a process of the same deployment starting later with the same
 * commands skips without taking the lock or asking Discord, while a changed command set (a new deploy) syncs.
 * Creations are counted per scope per UTC day and refused before Discord's limit.
 *
 * @throws BotError `BL_ERR_COMMANDS_CREATE_LIMIT` before any write when the creations would pass the limit.
 * @example
 * ```ts
 * const { plans } = await syncCommands({ rest: client.rest, applicationId, kv, logger, commands, dryRun: true });
 * console.log(formatCommandSyncPlan(plans));
 * ```
 */
export async function syncCommands(options: SyncCommandsOptions): Promise<CommandSyncResult> {
  const { kv, logger, applicationId, dryRun = false, lockTtlMs = 120_000 } = options;
  const allScopes: (string | null)[] = options.guildIds === undefined ? [null] : [...options.guildIds];
  if (dryRun) return { plans: await computePlans(options, allScopes), applied: false, writes: 0 };
  const hash = commandSetHash(options.commands);
  const inSync = (): CommandSyncResult => {
    logger.debug({ scopes: allScopes.map((scope) => scope ?? 'global') }, 'deployment already in sync; command sync skipped');
    return { plans: [], applied: false, skipped: 'in-sync', writes: 0 };
  };
  if ((await scopesToSync(options, allScopes, hash)).length === 0) return inSync();
  try {
    return await kv.withLock(`commands-sync:${applicationId}`, lockTtlMs, async () => {
      // Checked again under the lock: another process may have finished syncing since the first check.
      const scopes = await scopesToSync(options, allScopes, hash);
      if (scopes.length === 0) return inSync();
      const plans = await computePlans(options, scopes);
      await checkCreateBudget(options, plans);
      let writes = 0;
      for (const plan of plans) {
        writes += await applyPlan(options, plan);
        await markInSync(options, plan.guildId, hash);
      }
      logger.info({ writes, scopes: plans.length }, writes === 0 ? 'commands already in sync' : 'commands synced');
      return { plans, applied: true, writes };
    });
  } catch (error) {
    if (isBaselineError(error, CORE_ERROR_CODES.kv.lockBusy)) {
      logger.info('another process is syncing commands; skipped');
      return { plans: [], applied: false, skipped: 'locked', writes: 0 };
    }
    throw error;
  }
}

/** The scopes whose marker does not hold `hash` (all of them when forced or with the marker off). */
async function scopesToSync(options: SyncCommandsOptions, scopes: readonly (string | null)[], hash: string): Promise<(string | null)[]> {
  if (options.force === true || markerTtlMs(options) === 0 || scopes.length === 0) return [...scopes];
  const markers = await options.kv.mget(scopes.map((guildId) => commandSyncMarkerKey(options.applicationId, guildId)));
  return scopes.filter((_scope, index) => markers[index] !== hash);
}

async function markInSync(options: SyncCommandsOptions, guildId: string | null, hash: string): Promise<void> {
  const ttlMs = markerTtlMs(options);
  if (ttlMs > 0) await options.kv.set(commandSyncMarkerKey(options.applicationId, guildId), hash, { ttlMs });
}

function markerTtlMs(options: SyncCommandsOptions): number {
  return options.syncMarkerTtlMs ?? DEFAULT_COMMAND_SYNC_MARKER_TTL_MS;
}

async function computePlans({ rest, applicationId, commands }: SyncCommandsOptions, scopes: readonly (string | null)[]): Promise<CommandSyncPlan[]> {
  const plans: CommandSyncPlan[] = [];
  for (const guildId of scopes) {
    const live = (await rest.get(listRoute(applicationId, guildId))) as LiveCommand[];
    plans.push(planCommandSync(guildId, commands, live));
  }
  return plans;
}

/**
 * The kv key counting one application's command creations in one scope on the current UTC day. Discord's budget
 * is per application, so the key names it: bots (and tests) sharing a key-value store never share a budget.
 */
function createCounterKey(applicationId: string, guildId: string | null): string {
  return `commands:creates:${applicationId}:${guildId ?? 'global'}:${new Date().toISOString().slice(0, 10)}`;
}

async function checkCreateBudget(options: SyncCommandsOptions, plans: readonly CommandSyncPlan[]): Promise<void> {
  const limit = options.dailyCreateLimit ?? DAILY_COMMAND_CREATE_LIMIT;
  for (const plan of plans) {
    if (plan.create.length === 0) continue;
    const used = Number((await options.kv.get(createCounterKey(options.applicationId, plan.guildId))) ?? 0);
    if (used + plan.create.length > limit) {
      const scope = plan.guildId === null ? 'global commands' : `guild ${plan.guildId}`;
      throw new BotError(
        BOT_ERROR_CODES.commandsCreateLimit,
        `refusing to create ${plan.create.length} command(s) for ${scope}: ${used} of Discord's ${limit} daily creations are used today (UTC). Wait for tomorrow or create fewer commands; nothing was written.`,
        { details: { guildId: plan.guildId, used, planned: plan.create.length, limit } },
      );
    }
  }
}

async function applyPlan({ rest, applicationId, kv, logger }: SyncCommandsOptions, plan: CommandSyncPlan): Promise<number> {
  let writes = 0;
  const { guildId } = plan;
  for (const command of plan.delete) {
    await rest.delete(itemRoute(applicationId, guildId, command.id));
    logger.info({ command: command.name, guild_id: guildId ?? undefined }, 'command deleted');
    writes += 1;
  }
  for (const { id, body } of plan.update) {
    await rest.patch(itemRoute(applicationId, guildId, id), { body });
    logger.info({ command: body.name, guild_id: guildId ?? undefined }, 'command updated');
    writes += 1;
  }
  for (const body of plan.create) {
    await rest.post(listRoute(applicationId, guildId), { body });
    await kv.incr(createCounterKey(applicationId, guildId), { ttlMs: 2 * 86_400_000 });
    logger.info({ command: body.name, guild_id: guildId ?? undefined }, 'command created');
    writes += 1;
  }
  return writes;
}

function listRoute(applicationId: string, guildId: string | null): `/${string}` {
  return guildId === null ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
}

function itemRoute(applicationId: string, guildId: string | null, commandId: string): `/${string}` {
  return guildId === null ? Routes.applicationCommand(applicationId, commandId) : Routes.applicationGuildCommand(applicationId, guildId, commandId);
}
