import { describeReceived, type ConfigIssue } from './config-error.js';
import { ENV_VARIABLES, type ParsedEnv } from './env-variables.js';

/**
 * The shards pod `ordinal` of a bot StatefulSet runs: `ordinal × perPod` to `min((ordinal + 1) × perPod, count) − 1`.
 * With `count` 16 and `perPod` 4, pod 0 runs 0–3 and pod 3 runs 12–15; the StatefulSet needs `ceil(count / perPod)`
 * replicas, and a pod past them gets no shard (an empty list).
 *
 * @param ordinal - the pod's ordinal (0, 1, …), `POD_ORDINAL`
 * @param perPod - shards per pod, `SHARDS_PER_POD`
 * @param count - the deployment's total, `SHARD_COUNT`
 * @example
 * shardIdsForPod(1, 4, 16); // [4, 5, 6, 7]
 */
export function shardIdsForPod(ordinal: number, perPod: number, count: number): number[] {
  const first = ordinal * perPod;
  const last = Math.min(first + perPod, count) - 1;
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}

/**
 * `SHARD_IDS` from a StatefulSet pod's `POD_ORDINAL`, `SHARDS_PER_POD` and `SHARD_COUNT`, so every pod of one
 * image runs its own range. Nothing changes outside such a pod (no `POD_ORDINAL`) or when `SHARD_IDS` is set
 * explicitly; a pod that would run no shard is a configuration issue naming the replica count to set.
 */
export function applyPodShards(env: ParsedEnv, raw: Record<string, string>): { env: ParsedEnv; issues: ConfigIssue[] } {
  const { POD_ORDINAL: ordinal, SHARDS_PER_POD: perPod, SHARD_COUNT: count } = env;
  if (ordinal === undefined || env.SHARD_IDS !== undefined) return { env, issues: [] };
  if (perPod === undefined || count === undefined) {
    const missing = (['SHARDS_PER_POD', 'SHARD_COUNT'] as const).filter((name) => env[name] === undefined);
    const issues = missing.map((variable) => ({
      variable,
      expected: ENV_VARIABLES[variable].expected,
      received: 'nothing',
      detail: 'POD_ORDINAL needs SHARDS_PER_POD and SHARD_COUNT',
      fix: `set ${variable} in the pod's environment (the ConfigMap), or unset POD_ORDINAL`,
    }));
    return { env, issues };
  }
  const ids = shardIdsForPod(ordinal, perPod, count);
  if (ids.length > 0) return { env: { ...env, SHARD_IDS: ids }, issues: [] };
  const replicas = Math.ceil(count / perPod);
  const issue: ConfigIssue = {
    variable: 'POD_ORDINAL',
    expected: `an ordinal below ${replicas}`,
    received: describeReceived(raw['POD_ORDINAL']),
    detail: `pod ${ordinal} has no shard: ${count} shards at ${perPod} per pod fill ${replicas} pods (ordinals 0-${replicas - 1})`,
    fix: `set the StatefulSet's replicas to ${replicas}, or raise SHARD_COUNT`,
  };
  return { env, issues: [issue] };
}
