/** Milliseconds of 2015-01-01T00:00:00Z, the epoch of Discord snowflakes. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Generates Discord-shaped snowflakes: `(ms since DISCORD_EPOCH) << 22 | worker << 17 | process << 12 | increment`.
 * IDs are strictly increasing and carry real timestamps, so discord.js derives sensible `createdAt` values.
 */
export class SnowflakeGenerator {
  #lastMs = 0;
  #increment = 0;

  /** A new snowflake for the current time (up to 4096 per millisecond, then borrowed from the next one). */
  next(): string {
    const now = Date.now() - EPOCH_MS;
    if (now > this.#lastMs) {
      this.#lastMs = now;
      this.#increment = 0;
    } else if (++this.#increment > 4095) {
      this.#lastMs += 1;
      this.#increment = 0;
    }
    return snowflakeString(this.#lastMs, this.#increment);
  }

  /**
   * A new snowflake whose timestamp differs from every earlier one. Guild IDs use it: sharding routes by
   * `(id >> 22) % shard_count`, so guilds created in one burst must still spread over the shards.
   */
  nextSpread(): string {
    const now = Date.now() - EPOCH_MS;
    this.#lastMs = now > this.#lastMs ? now : this.#lastMs + 1;
    this.#increment = 0;
    return snowflakeString(this.#lastMs, 0);
  }
}

const EPOCH_MS = Number(DISCORD_EPOCH);
/** Worker 1, process 1: `1 << 17 | 1 << 12`. */
const WORKER_BITS = 135_168;

/**
 * `ms << 22 | WORKER_BITS | increment` in decimal without BigInt: the value exceeds 2^53, so it is computed
 * as `high * 10^6 + low` with both halves exact in doubles (ms < 2^42, increment < 4096).
 */
function snowflakeString(ms: number, increment: number): string {
  const msHigh = Math.floor(ms / 1e6);
  const rest = (ms - msHigh * 1e6) * 4_194_304 + WORKER_BITS + increment;
  const restHigh = Math.floor(rest / 1e6);
  const high = msHigh * 4_194_304 + restHigh;
  const low = rest - restHigh * 1e6;
  if (high === 0) return String(low);
  return `${high}${String(low).padStart(6, '0')}`;
}

/** The shard that receives events of `guildId` among `shardCount` shards: `(guild_id >> 22) % shard_count`. */
export function shardIdForGuild(guildId: string, shardCount: number): number {
  if (shardCount === 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
