import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startShardCluster, type ShardCluster, type ShardClusterEvent, type ShardClusterOptions } from '../../src/sharding/index.js';

const script = fileURLToPath(new URL('./fixtures/lifecycle-child.mjs', import.meta.url));

// The supervisor's restarts and stops with children that crash, run, or ignore SIGTERM (a tiny script, no bot).
describe('shard cluster supervisor', () => {
  let cluster: ShardCluster | undefined;
  afterEach(async () => {
    if (cluster !== undefined) await cluster.close();
    cluster = undefined;
  });

  const start = (options: Partial<ShardClusterOptions> & { env?: Record<string, string> }) => {
    const events: ShardClusterEvent[] = [];
    cluster = startShardCluster({ script, totalShards: 2, processes: 1, execArgv: [], onEvent: (event) => events.push(event), ...options });
    return events;
  };
  const restarts = (events: ShardClusterEvent[]) => events.flatMap((event) => (event.type === 'restarting' ? [event.delayMs] : []));

  it('GIVEN a child that keeps crashing THEN it restarts after delays doubling up to maxMs; WHEN stopped during a wait THEN nothing restarts', async () => {
    const events = start({ env: { EXIT_AFTER_MS: '0' }, backoff: { initialMs: 40, maxMs: 100, resetAfterMs: 60_000 } });
    await expect.poll(() => restarts(events).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
    expect(restarts(events).slice(0, 4)).toEqual([40, 80, 100, 100]);
    // Stop while the child is down and its restart is waiting.
    await expect.poll(() => cluster!.processes()[0]!.state, { timeout: 20_000 }).toBe('restarting');
    await cluster!.close();
    const spawned = events.filter((event) => event.type === 'spawned').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.filter((event) => event.type === 'spawned').length).toBe(spawned);
    expect(cluster!.processes()).toEqual([expect.objectContaining({ state: 'stopped', pid: undefined, shardIds: [0, 1] })]);
  }, 30_000);

  it('GIVEN a child that ran longer than resetAfterMs before crashing THEN it restarts after initialMs again', async () => {
    const events = start({ env: { EXIT_AFTER_MS: '250' }, backoff: { initialMs: 40, maxMs: 10_000, resetAfterMs: 100 } });
    await expect.poll(() => restarts(events).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    expect(restarts(events).slice(0, 3)).toEqual([40, 40, 40]);
  }, 30_000);

  it('GIVEN a child that ignores SIGTERM WHEN the cluster stops THEN it is killed after stopTimeoutMs', async () => {
    const events = start({ env: { IGNORE_SIGTERM: '1' }, stopTimeoutMs: 200 });
    await expect.poll(() => cluster!.processes()[0]!.pid, { timeout: 20_000 }).toBeDefined();
    // Give the child time to install its SIGTERM handler.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cluster!.close();
    expect(events.filter((event) => event.type === 'exited')).toEqual([expect.objectContaining({ signal: 'SIGKILL', code: null })]);
  }, 30_000);

  it('GIVEN only the required options THEN the shards are split across the children, which stop on SIGTERM and are not restarted', async () => {
    const events: ShardClusterEvent[] = [];
    cluster = startShardCluster({ script, totalShards: 3, processes: 2, onEvent: (event) => events.push(event) });
    expect(cluster.processes().map((child) => child.shardIds)).toEqual([[0, 1], [2]]);
    expect(events.filter((event) => event.type === 'spawned').map((event) => event.type === 'spawned' && event.index)).toEqual([0, 1]);
    await cluster.close();
    expect(events.filter((event) => event.type === 'exited').map((event) => event.type === 'exited' && event.signal)).toEqual(['SIGTERM', 'SIGTERM']);
    expect(events.some((event) => event.type === 'restarting')).toBe(false);
  }, 30_000);
});
