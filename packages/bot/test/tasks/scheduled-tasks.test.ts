import { readTaskStatuses, loadConfig, definePlugin, type TaskStatus } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, cronTask, intervalTask, oneOffTask, type Bot } from '../../src/index.js';
import { createBotHarness, type BotHarness } from '../runtime/support/bot-harness.js';

/** What the tasks saw, across bot instances (a restart builds a new cog from the same class). */
const seen = { explode: [] as number[], remind: [] as { guildId: string | undefined; text: string; correlationId: string }[], sweep: 0 };

class ChoresCog extends Cog {
  static override meta = { name: 'chores' };
  override tasks = [
    oneOffTask({
      name: 'explode',
      retry: { attempts: 3, backoffMs: 50 },
      run: ({ attempt }) => {
        seen.explode.push(attempt);
        throw new Error(`boom on attempt ${attempt}`);
      },
    }),
    oneOffTask<{ text: string }>({
      name: 'remind',
      run: ({ guildId, payload, correlationId }) => void seen.remind.push({ guildId, text: payload.text, correlationId }),
    }),
    cronTask({ name: 'digest', cron: '0 9 * * *', timeZone: 'Asia/Tokyo', perGuild: true, run: () => {} }),
  ];
}

class SweepCog extends Cog {
  static override meta = { name: 'sweeper' };
  override tasks = [intervalTask({ name: 'sweep', everyMs: 100, run: () => void (seen.sweep += 1) })];
}

const plugin = definePlugin({ id: 'chores', name: 'Chores', version: '1.0.0', cogs: [ChoresCog, SweepCog] });

describe('scheduled tasks in one bot process (BullMQ on Redis)', () => {
  let harness: BotHarness;
  let bot: Bot;
  let guildIds: string[];
  const chores = () => bot.cogs.get('chores')!.cog as unknown as ChoresCog;
  const statuses = async (): Promise<TaskStatus[]> => readTaskStatuses(bot.services.kv);

  beforeAll(async () => {
    harness = await createBotHarness({
      seed: {
        users: [{ username: 'owner' }],
        guilds: [
          { name: 'A', owner: 'owner' },
          { name: 'B', owner: 'owner' },
        ],
      },
    });
    guildIds = [...harness.emulator.state.guilds.keys()];
    bot = await harness.start({ plugins: [plugin] });
  });
  afterAll(() => harness?.close());

  it('GIVEN a per-guild cron task THEN each guild the bot serves gets its own schedule with a next run in the task’s time zone', async () => {
    const digests = (await statuses()).filter((status) => status.task === 'digest');
    expect(digests.map((status) => status.guildId).sort()).toEqual([...guildIds].sort());
    for (const status of digests) {
      expect(status).toMatchObject({ kind: 'cron', timeZone: 'Asia/Tokyo', backend: 'bullmq', pluginId: 'chores' });
      // 09:00 in Tokyo is 00:00 UTC.
      expect(new Date(status.nextRunAt!).toISOString()).toMatch(/T00:00:00\.000Z$/);
    }
  });

  it('GIVEN a task that always fails THEN it is retried with backoff up to its attempts and then reported as failed', async () => {
    await chores().schedule('explode', { delayMs: 0 });
    await expect.poll(async () => (await statuses()).find((status) => status.id === 'chores:explode')?.lastResult, { timeout: 20_000 }).toBe('failed');
    expect(seen.explode).toEqual([1, 2, 3]);
    expect((await statuses()).find((status) => status.id === 'chores:explode')).toMatchObject({ failures: 1, lastError: 'boom on attempt 3' });
  });

  it('GIVEN an unknown task or a bad delay THEN schedule refuses with a coded error', async () => {
    await expect(chores().schedule('nope', { delayMs: 0 })).rejects.toMatchObject({ code: 'BL_ERR_TASK_UNKNOWN' });
    await expect(chores().schedule('remind', { delayMs: -1 })).rejects.toMatchObject({ code: 'BL_ERR_TASK_INVALID' });
  });

  it('GIVEN a delayed per-guild job WHEN the bot restarts before it is due THEN the new process runs it once, with its payload', async () => {
    const [guildA] = guildIds;
    await chores().schedule('remind', { delayMs: 4000, guildId: guildA, payload: { text: 'stand up' } });
    await bot.close();
    expect(seen.remind).toEqual([]);
    bot = await harness.start({ plugins: [plugin] });
    await expect.poll(() => seen.remind.length, { timeout: 20_000 }).toBe(1);
    expect(seen.remind[0]).toMatchObject({ guildId: guildA, text: 'stand up' });
    expect(seen.remind[0]!.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GIVEN the bot leaves a guild THEN that guild’s schedules and pending jobs stop, the other guild’s stay', async () => {
    const [guildA, guildB] = guildIds as [string, string];
    await chores().schedule('remind', { delayMs: 1500, guildId: guildA, payload: { text: 'never' } });
    harness.emulator.makeBotLeave(guildA);
    await expect
      .poll(async () => (await statuses()).filter((status) => status.task === 'digest').map((status) => status.guildId), { timeout: 10_000 })
      .toEqual([guildB]);
    // Give the removed job time to come due: it must not run.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(seen.remind.map((run) => run.text)).toEqual(['stand up']);
  });

  it('GIVEN a cog unloaded at runtime THEN its schedules stop', async () => {
    await expect.poll(() => seen.sweep, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await statuses()).some((status) => status.id === 'sweeper:sweep')).toBe(true);
    await bot.cogs.unload('sweeper');
    expect((await statuses()).some((status) => status.cog === 'sweeper')).toBe(false);
    const after = seen.sweep;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen.sweep).toBe(after);
  });
});

describe('scheduled tasks without Redis (embedded demo)', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await createBotHarness();
  });
  afterAll(() => harness?.close());

  it('GIVEN no REDIS_URL THEN the same declarations run in process, recorded as the in-process backend', async () => {
    const { REDIS_URL: _redis, ...env } = harness.env;
    const before = seen.sweep;
    const bot = await harness.start({ plugins: [plugin], config: loadConfig({ env, envFiles: false }) });
    expect(bot.services.kv.kind).toBe('memory');
    await expect.poll(() => seen.sweep - before, { timeout: 10_000 }).toBeGreaterThan(1);
    expect((await readTaskStatuses(bot.services.kv)).find((status) => status.id === 'sweeper:sweep')).toMatchObject({
      backend: 'in-process',
      kind: 'interval',
      everyMs: 100,
    });
    await bot.close();
  });
});
