/**
 * Splits shards `0 … totalShards-1` into `processes` contiguous ranges of near-equal size (the first ranges get
 * one more when it does not divide evenly).
 *
 * @example
 * ```ts
 * splitShards(5, 2); // [[0, 1, 2], [3, 4]]
 * ```
 */
export function splitShards(totalShards: number, processes: number): number[][] {
  if (!Number.isInteger(totalShards) || totalShards < 1) throw new RangeError(`totalShards must be a positive integer, got ${totalShards}`);
  if (!Number.isInteger(processes) || processes < 1 || processes > totalShards) {
    throw new RangeError(`processes must be an integer from 1 to totalShards (${totalShards}), got ${processes}`);
  }
  const ranges: number[][] = [];
  let next = 0;
  for (let index = 0; index < processes; index++) {
    const size = Math.floor(totalShards / processes) + (index < totalShards % processes ? 1 : 0);
    ranges.push(Array.from({ length: size }, (_, offset) => next + offset));
    next += size;
  }
  return ranges;
}

/** Shard ids in `SHARD_IDS` form: `0-3`, or a comma list when not contiguous. */
export function formatShardIds(ids: readonly number[]): string {
  const sorted = [...ids].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  const contiguous = first !== undefined && last !== undefined && last - first === sorted.length - 1;
  return contiguous && sorted.length > 1 ? `${first}-${last}` : sorted.join(',');
}
