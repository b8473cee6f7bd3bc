import { listActiveGuilds, markGuildInactive, type Database } from '@baseline/core';
import { shardIdForGuild } from '@baseline/core';

/** Input of {@link planGuildReconcile}: what this process's shards report and which guilds the table holds. */
export interface GuildReconcileInput {
  /** Guilds the shards of this process reported (available or in an outage). */
  readonly reportedGuildIds: Iterable<string>;
  /** Guilds marked active in the table. */
  readonly activeGuildIds: Iterable<string>;
  /** The shards this process runs. */
  readonly shardIds: readonly number[];
  /** The deployment's total shard count. */
  readonly shardCount: number;
}

/** What reconciling changes: guilds to mark inactive and guilds to record as joined. */
export interface GuildReconcilePlan {
  readonly leave: string[];
  readonly join: string[];
}

/**
 * Compares the table with what Discord reported. Only guilds whose shard belongs to this process are judged:
 * with several processes, each sees the guilds of its own shards only, and a guild of another process's
 * shard must never be marked as left.
 */
export function planGuildReconcile(input: GuildReconcileInput): GuildReconcilePlan {
  const reported = new Set(input.reportedGuildIds);
  const active = new Set(input.activeGuildIds);
  const mine = new Set(input.shardIds);
  const leave = [...active].filter((id) => !reported.has(id) && mine.has(shardIdForGuild(id, input.shardCount)));
  const join = [...reported].filter((id) => !active.has(id));
  return { leave, join };
}

/**
 * Marks inactive every guild the table holds as active that belongs to one of `shardIds` but was not reported.
 * Returns the plan so the caller records the `join` side (it needs the guilds themselves).
 */
export async function reconcileGuilds(db: Database, input: Omit<GuildReconcileInput, 'activeGuildIds'>): Promise<GuildReconcilePlan> {
  const active = (await listActiveGuilds(db)).map((guild) => guild.guildId);
  const plan = planGuildReconcile({ ...input, activeGuildIds: active });
  for (const guildId of plan.leave) await markGuildInactive(db, guildId);
  return plan;
}
