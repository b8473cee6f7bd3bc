import type { KeyValueStore } from '../kv/key-value-store.js';

/** The hash holding one {@link TaskStatus} per schedule (and per one-off task), written by the bots. */
const STATUS_KEY = 'tasks:status';

/**
 * What the deployment knows about one scheduled task: written by the bot process that ran it last, read by the
 * API for the developer team's dashboard page. Times are epoch milliseconds.
 */
export interface TaskStatus {
  /** `<cog>:<task>` or, for a per-guild schedule, `<cog>:<task>:<guildId>`. */
  id: string;
  pluginId: string | null;
  cog: string;
  task: string;
  kind: 'cron' | 'interval' | 'one-off';
  cron?: string | undefined;
  timeZone?: string | undefined;
  everyMs?: number | undefined;
  guildId?: string | undefined;
  /** `bullmq` (once per deployment) or `in-process` (without Redis: each process on its own). */
  backend: 'bullmq' | 'in-process';
  nextRunAt?: number | undefined;
  lastRunAt?: number | undefined;
  lastResult?: 'ok' | 'retrying' | 'failed' | undefined;
  lastError?: string | undefined;
  /** The correlation id of the last run, to find its log lines. */
  lastCorrelationId?: string | undefined;
  runs: number;
  /** Runs that failed after their last attempt. */
  failures: number;
}

/** Every task status of the deployment, sorted by id. */
export async function readTaskStatuses(kv: KeyValueStore): Promise<TaskStatus[]> {
  const all = await kv.hgetall(STATUS_KEY);
  return Object.values(all)
    .map((raw) => JSON.parse(raw) as TaskStatus)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** One task status, if recorded. */
export async function readTaskStatus(kv: KeyValueStore, id: string): Promise<TaskStatus | undefined> {
  const raw = await kv.hget(STATUS_KEY, id);
  return raw === undefined ? undefined : (JSON.parse(raw) as TaskStatus);
}

/** Records a task status, replacing the previous one. */
export async function writeTaskStatus(kv: KeyValueStore, status: TaskStatus): Promise<void> {
  await kv.hset(STATUS_KEY, { [status.id]: JSON.stringify(status) });
}

/** Forgets task statuses (a stopped schedule). */
export async function deleteTaskStatuses(kv: KeyValueStore, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await kv.hdel(STATUS_KEY, ...ids);
}
