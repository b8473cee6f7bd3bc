import { fork, type ChildProcess } from 'node:child_process';
import { formatShardIds, splitShards } from './shard-ranges.js';

/** Restart delays of a crashed child: `initialMs`, doubling up to `maxMs`. */
export interface RestartBackoff {
  /** @default 1000 */
  initialMs?: number;
  /** @default 60_000 */
  maxMs?: number;
  /** A child that ran this long before crashing restarts after `initialMs` again. @default 60_000 */
  resetAfterMs?: number;
}

/** Options of {@link startShardCluster}. */
export interface ShardClusterOptions {
  /** The bot entry each child runs; it reads `SHARD_IDS` and `SHARD_COUNT` through core's config. */
  script: string;
  /** The deployment's total shard count (e.g. `(await fetchGatewayBot(token)).shards`). */
  totalShards: number;
  /** How many child processes share the shards. */
  processes: number;
  /** Extra environment for every child, over `process.env`. */
  env?: Readonly<Record<string, string>>;
  /** Node flags of the children. @default process.execArgv */
  execArgv?: readonly string[];
  /** Working directory of the children. @default process.cwd() */
  cwd?: string;
  /** Arguments of the children. */
  args?: readonly string[];
  backoff?: RestartBackoff;
  /** How long `close()` waits after SIGTERM before SIGKILL. @default 10_000 */
  stopTimeoutMs?: number;
  /** Receives lifecycle events (spawned, exited, restarting), e.g. to log them. */
  onEvent?: (event: ShardClusterEvent) => void;
}

/** A lifecycle event of one child. */
export type ShardClusterEvent =
  | { type: 'spawned'; index: number; pid: number; shardIds: readonly number[] }
  | { type: 'exited'; index: number; pid: number; code: number | null; signal: NodeJS.Signals | null }
  | { type: 'restarting'; index: number; delayMs: number; restarts: number };

/** What the supervisor knows about one child. */
export interface ShardClusterProcess {
  readonly index: number;
  readonly shardIds: readonly number[];
  readonly pid: number | undefined;
  readonly restarts: number;
  readonly state: 'running' | 'restarting' | 'stopped';
}

/** Handle of a running cluster. */
export interface ShardCluster {
  processes(): ShardClusterProcess[];
  /** Stops every child (SIGTERM, then SIGKILL after `stopTimeoutMs`) and restarts none. */
  close(): Promise<void>;
}

interface Slot {
  index: number;
  shardIds: number[];
  child: ChildProcess | undefined;
  startedAt: number;
  restarts: number;
  attempt: number;
  timer: NodeJS.Timeout | undefined;
  state: ShardClusterProcess['state'];
}

/**
 * Runs a bot over several processes on one host: forks `processes` children of `script`, each given a
 * contiguous shard range through `SHARD_IDS` and the total through `SHARD_COUNT` (plus `SHARD_PROCESS_INDEX`),
 * and restarts a child that exits, after an exponential backoff. Identify concurrency across the children is
 * kept by each child's {@link buildRedisIdentifyThrottler} on the shared Redis.
 *
 * @param options - see {@link ShardClusterOptions}
 * @example
 * ```ts
 * const { shards } = await fetchGatewayBot(token);
 * const cluster = startShardCluster({ script: './dist/bot.js', totalShards: shards, processes: 4 });
 * process.once('SIGTERM', () => void cluster.close());
 * ```
 */
export function startShardCluster(options: ShardClusterOptions): ShardCluster {
  const { initialMs = 1000, maxMs = 60_000, resetAfterMs = 60_000 } = options.backoff ?? {};
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const slots: Slot[] = splitShards(options.totalShards, options.processes).map((shardIds, index) => ({
    index,
    shardIds,
    child: undefined,
    startedAt: 0,
    restarts: 0,
    attempt: 0,
    timer: undefined,
    state: 'running',
  }));
  let stopping = false;

  const spawn = (slot: Slot) => {
    const child = fork(options.script, [...(options.args ?? [])], {
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      env: {
        ...process.env,
        ...options.env,
        SHARD_IDS: formatShardIds(slot.shardIds),
        SHARD_COUNT: String(options.totalShards),
        SHARD_PROCESS_INDEX: String(slot.index),
      },
      execArgv: [...(options.execArgv ?? process.execArgv)],
      stdio: 'inherit',
    });
    slot.child = child;
    slot.startedAt = Date.now();
    slot.state = 'running';
    if (child.pid !== undefined) options.onEvent?.({ type: 'spawned', index: slot.index, pid: child.pid, shardIds: slot.shardIds });
    child.once('exit', (code, signal) => {
      options.onEvent?.({ type: 'exited', index: slot.index, pid: child.pid ?? -1, code, signal });
      if (slot.child === child) slot.child = undefined;
      if (stopping) {
        slot.state = 'stopped';
        return;
      }
      if (Date.now() - slot.startedAt >= resetAfterMs) slot.attempt = 0;
      const delayMs = Math.min(maxMs, initialMs * 2 ** slot.attempt);
      slot.attempt++;
      slot.restarts++;
      slot.state = 'restarting';
      options.onEvent?.({ type: 'restarting', index: slot.index, delayMs, restarts: slot.restarts });
      slot.timer = setTimeout(() => {
        slot.timer = undefined;
        if (!stopping) spawn(slot);
      }, delayMs);
    });
    // A fork failure (e.g. missing script) surfaces as 'error' then 'exit'; the exit path restarts it.
    child.on('error', () => {});
  };
  for (const slot of slots) spawn(slot);

  return {
    processes: () => slots.map((slot) => ({ index: slot.index, shardIds: slot.shardIds, pid: slot.child?.pid, restarts: slot.restarts, state: slot.state })),
    async close() {
      stopping = true;
      await Promise.all(
        slots.map(async (slot) => {
          if (slot.timer) clearTimeout(slot.timer);
          slot.state = 'stopped';
          const child = slot.child;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
