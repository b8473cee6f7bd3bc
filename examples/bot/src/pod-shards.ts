import { BaselineError } from '@baseline/core';

/**
 * The shard range of one pod of the bot's Kubernetes StatefulSet: pod `n` (its ordinal, from the
 * `apps.kubernetes.io/pod-index` label) runs shards `n × perPod` to `min((n + 1) × perPod, count) − 1`.
 * With `SHARD_COUNT=16` and `SHARDS_PER_POD=4`, pod 0 runs `0-3`, pod 3 runs `12-15`; the StatefulSet needs
 * `ceil(count / perPod)` replicas, and a pod past that throws instead of running no shard.
 *
 * @param ordinal - the pod's ordinal (0, 1, …)
 * @param perPod - shards per pod (`SHARDS_PER_POD`)
 * @param count - the deployment's total (`SHARD_COUNT`)
 * @returns `SHARD_IDS` for the pod, e.g. `"4-7"`
 * @throws BaselineError `BL_ERR_DEPLOY_SHARD_RANGE` when the ordinal has no shard or an input is not a whole number
 * @example
 * shardIdsForPod(1, 4, 16); // '4-7'
 */
export function shardIdsForPod(ordinal: number, perPod: number, count: number): string {
  const inputs = { ordinal, perPod, count };
  for (const [name, value] of Object.entries(inputs)) {
    if (!Number.isInteger(value) || value < (name === 'ordinal' ? 0 : 1)) {
      throw new BaselineError(
        'BL_ERR_DEPLOY_SHARD_RANGE',
        `${name} must be a whole number${name === 'ordinal' ? '' : ' from 1'}, got ${value}. Fix: check POD_ORDINAL, SHARDS_PER_POD and SHARD_COUNT in the pod's environment`,
        { details: inputs },
      );
    }
  }
  const first = ordinal * perPod;
  if (first >= count) {
    const replicas = Math.ceil(count / perPod);
    throw new BaselineError(
      'BL_ERR_DEPLOY_SHARD_RANGE',
      `pod ${ordinal} has no shard: ${count} shards at ${perPod} per pod fill ${replicas} pods (ordinals 0-${replicas - 1}). Fix: set the StatefulSet's replicas to ${replicas}, or raise SHARD_COUNT`,
      { details: inputs },
    );
  }
  const last = Math.min(first + perPod, count) - 1;
  return first === last ? String(first) : `${first}-${last}`;
}

/**
 * `SHARD_IDS` from a StatefulSet pod's environment (`POD_ORDINAL`, `SHARDS_PER_POD`, `SHARD_COUNT`), or
 * `undefined` outside such a pod (no `POD_ORDINAL`) or when `SHARD_IDS` is set explicitly.
 */
export function shardIdsFromPodEnv(env: Record<string, string | undefined>): string | undefined {
  const ordinal = env['POD_ORDINAL'];
  if (ordinal === undefined || env['SHARD_IDS'] !== undefined) return undefined;
  const whole = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN);
  return shardIdsForPod(whole(ordinal), whole(env['SHARDS_PER_POD']), whole(env['SHARD_COUNT']));
}
