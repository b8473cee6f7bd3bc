import { loadConfig, readTaskStatuses, type TaskStatus } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, cronTask, intervalTask, oneOffTask, type Bot } from '../../src/index.js';
import { createBotHarness, type BotHarness } from '../runtime/support/bot-harness.js';

/** What the tasks saw. */
const seen = {
  flaky: [] as number[],
  later: 0,
  newYear: 0,
  echo: [] as string[],
  retryLater: [] as number[],
  patrolled: new Set<string | undefined>(),
  blocker: [] as number[],
};
let releaseBlocker: () => void = () => {};
let blockerStarted: () => void = () => {};

/** An app cog (no plugin): its task statuses carry `pluginId: null`. */
class ErrandsCog extends Cog {
  static override meta = { name: 'errands' };
  override tasks = [
    oneOffTask({
      name: 'flaky',
      retry: { attempts: 3, backoffMs: 20 },
      run: ({ attempt }) => {
        seen.flaky.push(attempt);
        if (attempt === 1) throw new Error('first try fails');
      },
    }),
    oneOffTask({
      name: 'doomed',
      retry: { attempts: 1 },
      run: () => {
        // Something that is not an Error, as some libraries throw.
        throw 'not an Error';
      },
    }),
    oneOffTask({ name: 'later', run: () => void (seen.later += 1) }),
    cronTask({ name: 'new-year', cron: '0 0 1 1 *', run: () => void (seen.newYear += 1) }),
    intervalTask({ name: 'patrol', everyMs: 100, perGuild: true, run: ({ guildId }) => void seen.patrolled.add(guildId) }),
  ];
}

class OtherCog extends Cog {
  static override meta = { name: 'other' };
  override tasks = [
    oneOffTask<string>({ name: 'echo', run: ({ payload }) => void seen.echo.push(payload) }),
    oneOffTask({
      name: 'retry-later',
      retry: { attempts: 2, backoffMs: 300 },
      run: ({ attempt }) => {
        seen.retryLater.push(attempt);
        if (attempt === 1) throw new Error('again later');
      },
    }),
    oneOffTask({
      name: 'blocker',
      retry: { attempts: 3, backoffMs: 50 },
      run: async ({ attempt }) => {
        seen.blocker.push(attempt);
        blockerStarted();
        await new Promise<void>((resolve) => (releaseBlocker = resolve));
        throw new Error('failed while the bot stopped');
      },
    }),
  ];
}

class BadTaskCog extends Cog {
  static override meta = { name: 'bad-task' };
  override tasks = [oneOffTask({ name: 'Not Kebab', run: () => {} })];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The task runtime's edges on the in-process backend (no Redis), seen through the task statuses the API reads
// and what the tasks ran: retries that succeed, failures of non-Errors, cron in UTC, per-guild schedules of a
// guild joined later, pending jobs of an unloaded cog, and a stop while a job runs.
describe('scheduled tasks without Redis: retries, schedules and stops', () => {
  let harness: BotHarness;
  let bot: Bot;
  const status = async (id: string): Promise<TaskStatus | undefined> => (await readTaskStatuses(bot.services.kv)).find((candidate) => candidate.id === id);
  const errands = () => bot.cogs.get('errands')!.cog as unknown as ErrandsCog;
  const other = () => bot.cogs.get('other')!.cog as unknown as OtherCog;

  beforeAll(async () => {
    harness = await createBotHarness();
    const { REDIS_URL: _redis, ...env } = harness.env;
    bot = await harness.start({ cogs: [ErrandsCog, OtherCog], config: loadConfig({ env, envFiles: false }) });
  });
  afterAll(() => harness.close());

  it('GIVEN a task a cog declares with a name that is not kebab case THEN the bot does not start: BL_ERR_COG_INVALID', async () => {
    const { REDIS_URL: _redis, ...env } = harness.env;
    await expect(harness.start({ cogs: [BadTaskCog], config: loadConfig({ env, envFiles: false }) })).rejects.toMatchObject({
      code: 'BL_ERR_COG_INVALID',
      message: expect.stringContaining('task "Not Kebab" of cog "bad-task"'),
    });
  });

  it('GIVEN a run that fails once THEN it is retried and recorded as a success without a failure', async () => {
    await errands().schedule('flaky', { delayMs: 0 });
    await expect.poll(async () => (await status('errands:flaky'))?.lastResult, { timeout: 10_000 }).toBe('ok');
    expect(seen.flaky).toEqual([1, 2]);
    expect(await status('errands:flaky')).toMatchObject({ pluginId: null, kind: 'one-off', backend: 'in-process', runs: 1, failures: 0 });
  });

  it('GIVEN a run that throws something that is not an Error on its only attempt THEN it is recorded failed with that text', async () => {
    await errands().schedule('doomed', { delayMs: 0 });
    await expect.poll(async () => (await status('errands:doomed'))?.lastResult, { timeout: 10_000 }).toBe('failed');
    expect(await status('errands:doomed')).toMatchObject({ failures: 1, lastError: 'not an Error' });
  });

  it('GIVEN a yearly cron task without a time zone THEN it is due next New Year in UTC and does not run before (regression: a tick past 24.8 days overflowed the timer and ran at once, again and again)', async () => {
    const cron = await status('errands:new-year');
    expect(cron).toMatchObject({ kind: 'cron', cron: '0 0 1 1 *', timeZone: 'UTC' });
    expect(new Date(cron!.nextRunAt!).toISOString()).toBe(`${new Date().getUTCFullYear() + 1}-01-01T00:00:00.000Z`);
    await sleep(200);
    expect(seen.newYear).toBe(0);
    expect((await status('errands:new-year'))!.runs).toBe(0);
  });

  it('GIVEN one-off jobs scheduled at different times THEN the status shows the soonest', async () => {
    const start = Date.now();
    await errands().schedule('later', { delayMs: 60_000 });
    await errands().schedule('later', { delayMs: 30_000 });
    await errands().schedule('later', { delayMs: 120_000 });
    const nextRunAt = (await status('errands:later'))!.nextRunAt!;
    expect(nextRunAt).toBeGreaterThanOrEqual(start + 30_000);
    expect(nextRunAt).toBeLessThan(start + 60_000);
  });

  it('GIVEN a per-guild task WHEN the bot joins a guild THEN that guild gets its own schedule and runs', async () => {
    const [first] = [...harness.emulator.state.guilds.keys()];
    await expect.poll(() => seen.patrolled.has(first), { timeout: 10_000 }).toBe(true);
    const joined = harness.emulator.addGuild({ name: 'Joined later', owner: 'owner', bot: false });
    harness.emulator.makeBotJoin(joined.id);
    await expect.poll(async () => (await status(`errands:patrol:${joined.id}`))?.kind, { timeout: 10_000 }).toBe('interval');
    await expect.poll(() => seen.patrolled.has(joined.id), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await status(`errands:patrol:${joined.id}`))?.runs ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('GIVEN a cog unloaded with jobs pending THEN its jobs never run while another cog’s job and retry still do', async () => {
    await errands().schedule('later', { delayMs: 300 });
    await other().schedule('echo', { delayMs: 300, payload: 'still here' });
    await other().schedule('retry-later', { delayMs: 0 });
    // The retry waits 300 ms: it is pending while the unload removes the other cog's jobs.
    await expect.poll(() => seen.retryLater, { timeout: 10_000 }).toEqual([1]);
    await bot.cogs.unload('errands');
    await sleep(700);
    expect(seen.later).toBe(0);
    expect(seen.echo).toEqual(['still here']);
    await expect.poll(() => seen.retryLater, { timeout: 10_000 }).toEqual([1, 2]);
    expect((await readTaskStatuses(bot.services.kv)).filter((candidate) => candidate.cog === 'errands')).toEqual([]);
  });

  it('GIVEN the bot stops while a job runs THEN stopping waits for it, and its failure is not retried', async () => {
    const started = new Promise<void>((resolve) => (blockerStarted = resolve));
    await other().schedule('blocker', { delayMs: 0 });
    await started;
    const stopped = bot.close();
    releaseBlocker();
    await stopped;
    await sleep(300);
    expect(seen.blocker).toEqual([1]);
  });
});
