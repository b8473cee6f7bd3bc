// The StatefulSet arithmetic from pod ordinal to shard range (examples/bot/src/pod-shards.ts).
import { describe, expect, it } from 'vitest';
import { shardIdsForPod, shardIdsFromPodEnv } from '../../examples/bot/src/pod-shards.js';

describe('shardIdsForPod', () => {
  it('GIVEN 16 shards at 4 per pod THEN pods 0 to 3 take consecutive ranges covering every shard once', () => {
    expect([0, 1, 2, 3].map((ordinal) => shardIdsForPod(ordinal, 4, 16))).toEqual(['0-3', '4-7', '8-11', '12-15']);
  });

  it('GIVEN a total that does not divide evenly THEN the last pod runs the remainder', () => {
    expect([0, 1, 2].map((ordinal) => shardIdsForPod(ordinal, 4, 10))).toEqual(['0-3', '4-7', '8-9']);
    expect(shardIdsForPod(2, 1, 3)).toBe('2');
  });

  it('GIVEN a pod past the last shard THEN BL_ERR_DEPLOY_SHARD_RANGE names the replica count to set', () => {
    expect(() => shardIdsForPod(4, 4, 16)).toThrow(
      expect.objectContaining({ code: 'BL_ERR_DEPLOY_SHARD_RANGE', message: expect.stringContaining("set the StatefulSet's replicas to 4") }),
    );
  });

  it('GIVEN a pod environment THEN SHARD_IDS comes from it, unless set explicitly or outside a StatefulSet', () => {
    expect(shardIdsFromPodEnv({ POD_ORDINAL: '1', SHARDS_PER_POD: '2', SHARD_COUNT: '4' })).toBe('2-3');
    expect(shardIdsFromPodEnv({ POD_ORDINAL: '1', SHARDS_PER_POD: '2', SHARD_COUNT: '4', SHARD_IDS: '0' })).toBeUndefined();
    expect(shardIdsFromPodEnv({ SHARDS_PER_POD: '2', SHARD_COUNT: '4' })).toBeUndefined();
  });

  it('GIVEN SHARDS_PER_POD missing or not a number THEN BL_ERR_DEPLOY_SHARD_RANGE says which variable to fix', () => {
    expect(() => shardIdsFromPodEnv({ POD_ORDINAL: '0', SHARD_COUNT: '4' })).toThrow(
      expect.objectContaining({ code: 'BL_ERR_DEPLOY_SHARD_RANGE', message: expect.stringContaining('perPod must be a whole number from 1, got NaN') }),
    );
    expect(() => shardIdsFromPodEnv({ POD_ORDINAL: 'x', SHARDS_PER_POD: '2', SHARD_COUNT: '4' })).toThrow(/ordinal must be a whole number/);
  });
});
