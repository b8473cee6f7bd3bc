import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInProcessBackend } from '../../src/tasks/in-process-backend.js';
import type { TaskJob } from '../../src/tasks/task-backend.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const retry = { attempts: 1, backoffMs: 1000 };

// Ticks weeks away, on fake timers: Node's timers hold at most about 24.8 days and fire after 1 ms beyond that, so
// the backend waits for such a tick in steps.
describe('in-process task backend: ticks further away than a Node timer holds', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2030-03-10T00:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const started = async () => {
    const ran: TaskJob[] = [];
    const backend = createInProcessBackend();
    await backend.start(
      async (job) => void ran.push(job),
      () => {},
    );
    return { backend, ran };
  };

  it('GIVEN a yearly cron schedule THEN nothing runs for weeks, and the tick runs once when it comes', async () => {
    const { backend, ran } = await started();
    const next = await backend.upsertSchedule('cog:new-year', { cron: '0 0 1 1 *' }, { cog: 'cog', task: 'new-year' }, retry);
    expect(new Date(next!).toISOString()).toBe('2031-01-01T00:00:00.000Z');
    await vi.advanceTimersByTimeAsync(60 * DAY_MS);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(next! - Date.now());
    expect(ran.map((job) => job.dueAt)).toEqual([next]);
    expect(await backend.nextRun('cog:new-year')).toBe(Date.parse('2032-01-01T00:00:00.000Z'));
    await backend.close();
  });

  it('GIVEN a one-off job 40 days away THEN it runs on its day, not before', async () => {
    const { backend, ran } = await started();
    await backend.enqueue({ cog: 'cog', task: 'remind' }, 40 * DAY_MS, retry);
    await vi.advanceTimersByTimeAsync(39 * DAY_MS);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(ran.map((job) => job.data.task)).toEqual(['remind']);
    await backend.close();
  });

  it('GIVEN a far schedule and a far job removed while their wait is in its second step THEN neither runs', async () => {
    const { backend, ran } = await started();
    await backend.upsertSchedule('cog:new-year', { cron: '0 0 1 1 *' }, { cog: 'cog', task: 'new-year' }, retry);
    await backend.enqueue({ cog: 'cog', task: 'remind' }, 40 * DAY_MS, retry);
    await vi.advanceTimersByTimeAsync(30 * DAY_MS);
    await backend.removeSchedule('cog:new-year');
    expect(await backend.removeJobs((data) => data.task === 'remind')).toBe(1);
    await vi.advanceTimersByTimeAsync(400 * DAY_MS);
    expect(ran).toEqual([]);
    await backend.close();
  });
});
