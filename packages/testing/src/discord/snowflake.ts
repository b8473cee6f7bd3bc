/** Milliseconds of 2015-01-01T00:00:00Z, the epoch of Discord snowflakes. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates Discord-shaped snowflakes: `(ms since DISCORD_EPOCH) << 22 | worker << 17 | process << 12 | increment`.
 * IDs are strictly increasing and carry real timestamps, so discord.js derives sensible `createdAt` values.
 */
export class SnowflakeGenerator {
  #lastMs = 0n;
  #increment = 0n;

  /** A new snowflake for the current time (up to 4096 per millisecond, then borrowed from the next one). */
  next(): string {
    const now = BigInt(Date.now()) - DISCORD_EPOCH;
    if (now > this.#lastMs) {
      this.#lastMs = now;
      this.#increment = 0n;
    } else if (++this.#increment > 4095n) {
      this.#lastMs += 1n;
      this.#increment = 0n;
    }
    return ((this.#lastMs << 22n) | (1n << 17n) | (1n << 12n) | this.#increment).toString();
  }

  /**
   * A new snowflake whose timestamp differs from every earlier one. Guild IDs use it: sharding routes by
   * `(id >> 22) % shard_count`, so guilds created in one burst must still spread over the shards.
   */
  nextSpread(): string {
    const now = BigInt(Date.now()) - DISCORD_EPOCH;
    this.#lastMs = now > this.#lastMs ? now : this.#lastMs + 1n;
    this.#increment = 0n;
    return ((this.#lastMs << 22n) | (1n << 17n) | (1n << 12n)).toString();
  }
}

/** The shard that receives events of `guildId` among `shardCount` shards: `(guild_id >> 22) % shard_count`. */
export function shardIdForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The creation time encoded in a snowflake, as an ISO string. */
export function snowflakeTimestamp(id: string): string {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH)).toISOString();
}
