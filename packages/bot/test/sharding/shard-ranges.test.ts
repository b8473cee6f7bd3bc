import { describe, expect, it } from 'vitest';
import { formatShardIds, shardingClientOptions, splitShards } from '../../src/sharding/index.js';

describe('shard ranges and client options', () => {
  it('GIVEN 5 shards over 2 processes THEN contiguous ranges cover every shard once, the first one larger', () => {
    expect(splitShards(5, 2)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(splitShards(4, 4)).toEqual([[0], [1], [2], [3]]);
    expect(() => splitShards(2, 3)).toThrow(RangeError);
  });

  it('GIVEN shard ids THEN they are written the way SHARD_IDS reads them', () => {
    expect(formatShardIds([3, 2, 4])).toBe('2-4');
    expect(formatShardIds([0, 2])).toBe('0,2');
    expect(formatShardIds([7])).toBe('7');
  });

  it('GIVEN the sharding config THEN discord.js options: auto when unset, all of SHARD_COUNT, or only SHARD_IDS', () => {
    expect(shardingClientOptions({ count: undefined, ids: undefined })).toEqual({ shards: 'auto' });
    expect(shardingClientOptions({ count: 3, ids: undefined })).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(shardingClientOptions({ count: 8, ids: [4, 5] })).toEqual({ shards: [4, 5], shardCount: 8 });
  });
});
