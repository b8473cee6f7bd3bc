import { within, type KeyValueStore, type Logger } from '@baseline/core';
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import type { ResolvedRetry, TaskBackend, TaskJobData } from './task-backend.js';
import type { TaskRepeat } from './task-definition.js';

const QUEUE = 'tasks';
/** How long a job that ran to its end is remembered, so BullMQ handing it out again (below) does not run it twice. */
const RAN_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * How long a stop waits for the worker to finish its jobs and leave, then for the queue. After a Redis outage BullMQ's
 * worker loop can stay blocked on a command of a connection that was cut (seen in the fault suite: the connection reads
 * ready, the loop never returns, and `worker.disconnect()` waits on the same loop), so an unbounded close would hang the
 * bot's shutdown. Past this bound the connections are dropped without waiting; a job still running is handed out again
 * later (and the ran marker below keeps a finished one from running twice).
 */
const CLOSE_GRACE_MS = 10_000;

/** Whether `promise` settled (resolved or rejected) within `ms`; it keeps running either way. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return (
    await within(
      promise.catch(() => undefined),
      ms,
    )
  ).settled;
}

/**
 * Tasks on BullMQ: job schedulers for recurring tasks and delayed jobs for one-off ones, in one queue under the
 * key-value prefix. Every bot process runs a worker; BullMQ hands each job to exactly one of them, and a schedule
 * upserted by several processes stays one schedule, so each tick runs once per deployment.
 */
export function createBullmqBackend({
  kv,
  redis,
  logger,
  concurrency = 4,
}: {
  kv: KeyValueStore;
  redis: NonNullable<KeyValueStore['redis']>;
  logger: Logger;
  concurrency?: number;
}): TaskBackend {
  // BullMQ's workers block on their connection, which needs no per-request retry limit; the kv client is left alone,
  // and is not auto-pipelined (the kv client batches its commands per event-loop turn; a blocking command must not).
  const connection = redis.duplicate({ maxRetriesPerRequest: null, enableAutoPipelining: false });
  const prefix = `${kv.prefix}bull`;
  const queue = new Queue<TaskJobData>(QUEUE, { connection, prefix });
  queue.on('error', (error) => logger.error({ err: error }, 'task queue error'));
  let worker: Worker<TaskJobData> | undefined;
  const jobOptions = (retry: ResolvedRetry): JobsOptions => ({
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 1000 },
  });
  // A scheduler's job carries its tick as `prevMillis`; a one-off job is due at creation plus its delay.
  const dueAt = (job: Job<TaskJobData>) => (job.opts as { prevMillis?: number }).prevMillis ?? job.timestamp + (job.opts.delay ?? 0);
  const toTaskJob = (job: Job<TaskJobData>) => ({ id: job.id!, data: job.data, attempt: job.attemptsMade + 1, dueAt: dueAt(job) });

  return {
    kind: 'bullmq',
    async upsertSchedule(id, repeat: TaskRepeat, data, retry) {
      await queue.upsertJobScheduler(
        id,
        'cron' in repeat ? { pattern: repeat.cron, ...(repeat.timeZone === undefined ? {} : { tz: repeat.timeZone }) } : { every: repeat.everyMs },
        { name: `${data.cog}:${data.task}`, data, opts: jobOptions(retry) },
      );
      return (await queue.getJobScheduler(id))?.next ?? undefined;
    },
    async removeSchedule(id) {
      await queue.removeJobScheduler(id);
    },
    async nextRun(id) {
      const scheduler = await queue.getJobScheduler(id);
      return scheduler?.next ?? undefined;
    },
    async enqueue(data, delayMs, retry) {
      const job = await queue.add(`${data.cog}:${data.task}`, data, { ...jobOptions(retry), delay: Math.max(0, delayMs) });
      return job.id!;
    },
    async removeJobs(match) {
      let removed = 0;
      for (const job of await queue.getJobs(['delayed', 'waiting', 'prioritized'])) {
        // Jobs of schedules are removed with their schedule; only one-off jobs are matched here.
        if (job.repeatJobKey !== undefined || !match(job.data)) continue;
        await job.remove().then(
          () => (removed += 1),
          () => {},
        );
      }
      return removed;
    },
    async start(processor, onFailure) {
      // BullMQ delivers at least once: a job whose run finished but whose completion was not written (its process
      // stopped or stalled in between) is handed to another worker. A marker written as soon as the run succeeds makes
      // that second delivery a no-op, so a tick runs once per deployment; a run that failed leaves no marker and is
      // retried as configured.
      const ranKey = (job: Job<TaskJobData>) => `${prefix}:${QUEUE}:ran:${job.id}`;
      const run = async (job: Job<TaskJobData>) => {
        if ((await redis.exists(ranKey(job))) === 1) {
          logger.warn({ job_id: job.id }, 'task job delivered again after it ran; not running it twice');
          return;
        }
        await processor(toTaskJob(job));
        await redis.set(ranKey(job), '1', 'PX', RAN_TTL_MS);
      };
      worker = new Worker<TaskJobData>(QUEUE, run, { connection, prefix, concurrency });
      worker.on('error', (error) => logger.error({ err: error }, 'task worker error'));
      worker.on('failed', (job, error) => {
        if (job !== undefined) onFailure({ ...toTaskJob(job), attempt: job.attemptsMade }, error, job.attemptsMade >= (job.opts.attempts ?? 1));
      });
      await worker.waitUntilReady();
    },
    async close() {
      const stopped = (worker === undefined || (await settlesWithin(worker.close(), CLOSE_GRACE_MS))) && (await settlesWithin(queue.close(), CLOSE_GRACE_MS));
      if (!stopped) {
        logger.warn({ grace_ms: CLOSE_GRACE_MS }, 'the task worker or queue did not stop in time; dropping their connections');
        void worker?.disconnect().catch(() => {});
        void queue.disconnect().catch(() => {});
      }
      connection.disconnect();
    },
  };
}
