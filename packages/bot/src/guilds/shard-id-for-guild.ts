/**
 * The shard that receives a guild's events: `(guild_id >> 22) % shard_count`, Discord's formula.
 *
 * @param guildId - the guild's snowflake
 * @param shardCount - the deployment's total shard count
 * @example
 * ```ts
 * shardIdForGuild('81384788765712384', 4); // 2
 * ```
 */
export function shardIdForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
