import { definePlugin } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlowCog } from './fixtures/slow-cog.js';
import { createBotHarness, demoGuild, type BotHarness } from './support/bot-harness.js';

const events: string[] = [];
let release: () => void = () => {};
let started: () => void = () => {};

const SlowCog = createSlowCog({
  started: () => started(),
  released: () => new Promise<void>((resolve) => (release = resolve)),
  finished: () => void events.push('handler finished'),
});

const plugin = definePlugin({
  id: 'slow',
  name: 'Slow',
  version: '1.0.0',
  cogs: [SlowCog],
  shutdown: () => void events.push('plugin shutdown'),
});

describe('graceful shutdown', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await createBotHarness();
  });
  afterAll(() => harness.close());

  it('GIVEN an interaction in flight WHEN the bot stops THEN new interactions get "restarting", the running one finishes, then plugins shut down and services close', async () => {
    const bot = await harness.start({ plugins: [plugin] });
    const ids = demoGuild(harness.emulator);
    const running = new Promise<void>((resolve) => (started = resolve));
    const work = harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'work' });
    await running;
    expect(bot.inFlight).toBe(1);

    const stopped = bot.close();
    expect(bot.stopping).toBe(true);
    const late = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.ownerId, name: 'status' }).response();
    expect(late).toMatchObject({ ephemeral: true, data: { content: expect.stringContaining('restarting') } });
    expect(events).toEqual([]);

    release();
    expect((await work.reply()).content).toBe('finished');
    await stopped;
    expect(events).toEqual(['handler finished', 'plugin shutdown']);
    expect(bot.client.isReady()).toBe(false);
    await expect(bot.services.kv.ping()).rejects.toThrow();
  });

  it('GIVEN a handler that never ends THEN stop still finishes after the bound and says so', async () => {
    const bot = await harness.start({ plugins: [plugin], shutdownTimeoutMs: 200 });
    const ids = demoGuild(harness.emulator);
    const running = new Promise<void>((resolve) => (started = resolve));
    harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'hang' });
    await running;
    await bot.close();
    expect(harness.logs.find((line) => line.msg === 'shutdown bound reached with handlers still running')).toMatchObject({ in_flight: 1 });
  });
});
