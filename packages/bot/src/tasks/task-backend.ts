import type { TaskRepeat } from './task-definition.js';

/** What every job carries: which cog's task to run, and for which guild. */
export interface TaskJobData {
  cog: string;
  task: string;
  guildId?: string | undefined;
  payload?: unknown;
}

/** A job handed to the processor. */
export interface TaskJob {
  readonly id: string;
  readonly data: TaskJobData;
  /** 1 on the first attempt. */
  readonly attempt: number;
  /** When this run was due (epoch ms): the cron or interval tick, or the one-off job's time. */
  readonly dueAt: number;
}

/** Attempts and the first backoff, both resolved. */
export interface ResolvedRetry {
  attempts: number;
  backoffMs: number;
}

/** A failure seen by the backend; `final` when no attempt is left. */
export type TaskFailureListener = (job: TaskJob, error: unknown, final: boolean) => void;

/**
 * Where jobs live and run: BullMQ on Redis (once per deployment) or timers in this process. The runtime above it
 * is the same for both.
 */
export interface TaskBackend {
  readonly kind: 'bullmq' | 'in-process';
  /** Creates or replaces a recurring schedule; idempotent, so every process may call it. Returns the next run. */
  upsertSchedule(id: string, repeat: TaskRepeat, data: TaskJobData, retry: ResolvedRetry): Promise<number | undefined>;
  removeSchedule(id: string): Promise<void>;
  /** Next run of a schedule, if it exists. */
  nextRun(id: string): Promise<number | undefined>;
  /** Adds a one-off job due in `delayMs`; returns its id. */
  enqueue(data: TaskJobData, delayMs: number, retry: ResolvedRetry): Promise<string>;
  /** Removes waiting and delayed one-off jobs whose data matches; returns how many. */
  removeJobs(match: (data: TaskJobData) => boolean): Promise<number>;
  /** Starts taking jobs. A processor that throws is retried with backoff; failures are reported to `onFailure`. */
  start(processor: (job: TaskJob) => Promise<void>, onFailure: TaskFailureListener): Promise<void>;
  /** Stops taking jobs, waits for running ones, and closes connections. Schedules and jobs stay stored. */
  close(): Promise<void>;
}
