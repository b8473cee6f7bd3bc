import { randomUUID } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import type { ResolvedRetry, TaskBackend, TaskFailureListener, TaskJob, TaskJobData } from './task-backend.js';
import type { TaskRepeat } from './task-definition.js';

interface Pending {
  /** The timer waiting now (a wait past {@link MAX_TIMER_MS} is several timers in turn). */
  timer: NodeJS.Timeout | undefined;
  data: TaskJobData;
  oneOff: boolean;
}

/** The longest delay Node's timers hold (about 24.8 days); a longer one fires after 1 ms instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `fire` at `at` (epoch ms), waiting past {@link MAX_TIMER_MS} in steps, so a yearly cron tick or a one-off job a
 * month away does not run at once. `track` gets each timer in turn, for the caller to clear the current one.
 */
function timerAt(at: number, fire: () => void, track: (timer: NodeJS.Timeout) => void): void {
  const left = at - Date.now();
  track(setTimeout(() => (left > MAX_TIMER_MS ? timerAt(at, fire, track) : fire()), Math.min(Math.max(0, left), MAX_TIMER_MS)));
}

/** The next tick of a schedule after `from` (epoch ms). */
export function nextTick(repeat: TaskRepeat, from: number): number {
  if ('everyMs' in repeat) return (Math.floor(from / repeat.everyMs) + 1) * repeat.everyMs;
  return CronExpressionParser.parse(repeat.cron, { currentDate: new Date(from), ...(repeat.timeZone === undefined ? {} : { tz: repeat.timeZone }) })
    .next()
    .getTime();
}

/**
 * Tasks on timers in this process, for the embedded demo without Redis: the same schedules, one-off jobs, retries
 * and backoff, but nothing is shared between processes and one-off jobs are lost when the process stops.
 */
export function createInProcessBackend(): TaskBackend {
  const schedules = new Map<string, { timer: NodeJS.Timeout | undefined; next: number }>();
  const jobs = new Map<string, Pending>();
  const running = new Set<Promise<void>>();
  let processor: ((job: TaskJob) => Promise<void>) | undefined;
  let onFailure: TaskFailureListener = () => {};
  let closed = false;

  const execute = (job: TaskJob, retry: ResolvedRetry, done: () => void) => {
    if (processor === undefined || closed) return done();
    const run = processor(job).then(
      () => done(),
      (error: unknown) => {
        const final = job.attempt >= retry.attempts;
        onFailure(job, error, final);
        if (final || closed) return done();
        const pending: Pending = { timer: undefined, data: job.data, oneOff: false };
        jobs.set(job.id, pending);
        timerAt(
          Date.now() + retry.backoffMs * 2 ** (job.attempt - 1),
          () => {
            jobs.delete(job.id);
            execute({ ...job, attempt: job.attempt + 1 }, retry, done);
          },
          (timer) => (pending.timer = timer),
        );
      },
    );
    running.add(run);
    void run.finally(() => running.delete(run));
  };

  const arm = (id: string, repeat: TaskRepeat, data: TaskJobData, retry: ResolvedRetry) => {
    const next = nextTick(repeat, Date.now());
    const fire = () => {
      if (!schedules.has(id)) return;
      arm(id, repeat, data, retry);
      execute({ id: `${id}:${next}`, data, attempt: 1, dueAt: next }, retry, () => {});
    };
    timerAt(next, fire, (timer) => schedules.set(id, { timer, next }));
    return next;
  };

  return {
    kind: 'in-process',
    async upsertSchedule(id, repeat, data, retry) {
      clearTimeout(schedules.get(id)?.timer);
      return arm(id, repeat, data, retry);
    },
    async removeSchedule(id) {
      clearTimeout(schedules.get(id)?.timer);
      schedules.delete(id);
    },
    async nextRun(id) {
      return schedules.get(id)?.next;
    },
    async enqueue(data, delayMs, retry) {
      const id = randomUUID();
      const dueAt = Date.now() + Math.max(0, delayMs);
      const pending: Pending = { timer: undefined, data, oneOff: true };
      jobs.set(id, pending);
      timerAt(
        dueAt,
        () => execute({ id, data, attempt: 1, dueAt }, retry, () => jobs.delete(id)),
        (timer) => (pending.timer = timer),
      );
      return id;
    },
    async removeJobs(match) {
      let removed = 0;
      for (const [id, pending] of jobs) {
        if (!pending.oneOff || !match(pending.data)) continue;
        clearTimeout(pending.timer);
        jobs.delete(id);
        removed += 1;
      }
      return removed;
    },
    async start(run, failure) {
      processor = run;
      onFailure = failure;
    },
    async close() {
      closed = true;
      for (const { timer } of schedules.values()) clearTimeout(timer);
      for (const { timer } of jobs.values()) clearTimeout(timer);
      schedules.clear();
      jobs.clear();
      await Promise.allSettled([...running]);
    },
  };
}
