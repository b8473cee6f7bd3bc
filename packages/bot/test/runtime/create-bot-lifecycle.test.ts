import { createServices, definePlugin, loadConfig, readShardStatuses, type BaselineServices } from '@baseline/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createBotHarness, type BotHarness } from './support/bot-harness.js';

/** How many SIGTERM and SIGINT listeners the process has: createBot's are added and must be removed again. */
const signalListeners = () => [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];

describe('createBot lifecycle: who owns the services, options that turn parts off, failed starts', () => {
  let harness: BotHarness;
  const own: BaselineServices[] = [];
  beforeAll(async () => {
    harness = await createBotHarness();
  });
  afterAll(async () => {
    for (const services of own) await services.close().catch(() => {});
    await harness.close();
  });

  /** A services container built by the test, as an app that shares one container with its API would. */
  const servicesOf = async (env: Record<string, string> = harness.env) => {
    const services = await createServices({
      service: 'app',
      config: loadConfig({ env, envFiles: false }),
      logger: harness.logger,
      discover: false,
      kvPrefix: harness.redis.prefix,
    });
    own.push(services);
    return services;
  };

  it('GIVEN a services container passed in THEN closing the bot leaves it open; GIVEN closeServices THEN the bot closes it', async () => {
    const shared = await servicesOf();
    const bot = await harness.start({ services: shared });
    expect(bot.services).toBe(shared);
    await bot.close();
    await expect(shared.kv.ping()).resolves.not.toThrow();

    const handedOver = await servicesOf();
    const closing = await harness.start({ services: handedOver, closeServices: true });
    await closing.close();
    await expect(handedOver.kv.ping()).rejects.toThrow();
  });

  it('GIVEN no token with a container passed in THEN BL_ERR_BOT_TOKEN_MISSING and the container stays usable, unless closeServices hands it over', async () => {
    const { DISCORD_BOT_TOKEN: _token, ...env } = harness.env;
    const shared = await servicesOf(env);
    await expect(harness.start({ services: shared })).rejects.toMatchObject({ code: 'BL_ERR_BOT_TOKEN_MISSING' });
    await expect(shared.kv.ping()).resolves.not.toThrow();

    const handedOver = await servicesOf(env);
    await expect(harness.start({ services: handedOver, closeServices: true })).rejects.toMatchObject({ code: 'BL_ERR_BOT_TOKEN_MISSING' });
    await expect(handedOver.kv.ping()).rejects.toThrow();
  });

  it('GIVEN signal handling on (the default) THEN SIGTERM and SIGINT handlers exist while the bot runs and are gone after close', async () => {
    const before = signalListeners();
    const bot = await harness.start({ handleSignals: true });
    expect(signalListeners()).toEqual(before.map((count) => count + 1));
    await bot.close();
    expect(signalListeners()).toEqual(before);
  });

  it('GIVEN a start that fails before or after the services exist THEN the signal handlers are removed again', async () => {
    const before = signalListeners();
    const { DISCORD_BOT_TOKEN: _token, ...env } = harness.env;
    await expect(harness.start({ handleSignals: true, config: loadConfig({ env, envFiles: false }) })).rejects.toMatchObject({
      code: 'BL_ERR_BOT_TOKEN_MISSING',
    });
    expect(signalListeners()).toEqual(before);

    // Nothing listens on port 1: connecting the database fails before any service exists.
    const unreachable = loadConfig({ env: { ...harness.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, envFiles: false });
    await expect(harness.start({ handleSignals: true, config: unreachable })).rejects.toThrow();
    expect(signalListeners()).toEqual(before);
  });

  it('GIVEN a token Discord refuses THEN createBot rejects after stopping what it started', async () => {
    const before = signalListeners();
    const logsBefore = harness.logs.length;
    await expect(harness.start({ handleSignals: true, token: 'not-the-bot-token' })).rejects.toThrow();
    expect(signalListeners()).toEqual(before);
    const after = harness.logs.slice(logsBefore).map((line) => line.msg);
    expect(after).toContain('bot stopped');
    expect(after).not.toContain('bot logged in');
  });

  it('GIVEN the built-in commands, command sync, guild tracking and tasks turned off and a custom shard report THEN the bot runs without them', async () => {
    // A guild no earlier bot of this file has seen.
    const { id: guildId } = harness.emulator.addGuild({ name: 'Untracked', owner: 'owner' });
    const bot = await harness.start({
      statusCommand: false,
      privacyCommand: false,
      settingsCommand: false,
      commandSync: false,
      guildTracking: false,
      tasks: false,
      metrics: false,
      shardStatus: { intervalMs: 60_000, ttlMs: 5_000 },
    });
    expect(bot.cogs.list()).toEqual([]);
    expect(bot.commands.lastSync).toBeUndefined();
    expect(bot.commands.desired()).toEqual([]);
    const [shard] = await readShardStatuses(bot.services.kv);
    expect(shard).toMatchObject({ id: 0, status: 'ready' });
    // Guild tracking off: the guild the bot is in was never written to the guilds table.
    expect(bot.client.guilds.cache.has(guildId)).toBe(true);
    expect(await bot.services.db.fork().execute('select 1 from guilds where guild_id = ?', [guildId])).toEqual([]);
    const result = await bot.commands.sync({ dryRun: true });
    expect(result.writes).toBe(0);
    await bot.close();
  });
});

// A signal during startup, in this process: `process.exit` is recorded instead of ending the test worker, and the
// signal is delivered with `process.emit` (the listeners createBot installed run as for a real one).
describe('createBot stopped by a signal while it starts', () => {
  let harness: BotHarness;
  let exit: MockInstance<typeof process.exit>;
  beforeAll(async () => {
    harness = await createBotHarness();
  });
  afterEach(() => exit?.mockRestore());
  afterAll(() => harness.close());

  const startStoppedBy = async (hook: 'setup' | 'ready') => {
    exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const before = signalListeners();
    const logsBefore = harness.logs.length;
    const plugin = definePlugin({ id: 'signalled', name: 'Signalled', version: '1.0.0', [hook]: () => void process.emit('SIGTERM', 'SIGTERM') });
    let settled = false;
    void harness.start({ handleSignals: true, plugins: [plugin] }).finally(() => (settled = true));
    await expect.poll(() => exit.mock.calls.map(([code]) => code), { timeout: 20_000 }).toEqual([0]);
    expect(settled).toBe(false);
    expect(signalListeners()).toEqual(before);
    return harness.logs.slice(logsBefore).map((line) => line.msg);
  };

  it('GIVEN SIGTERM while plugins set up THEN the bot never logs in, stops, and the process exits 0 while createBot never settles', async () => {
    const messages = await startStoppedBy('setup');
    expect(messages).toContain('shutdown signal received during startup: stopping now');
    expect(messages).toContain('bot stopped');
    expect(messages).not.toContain('bot logged in');
  });

  it('GIVEN SIGTERM while plugins run their ready hooks THEN the running step is cut short, the bot stops and the process exits 0', async () => {
    const messages = await startStoppedBy('ready');
    expect(messages).toContain('shutdown signal received');
    expect(messages).toContain('bot logged in');
    expect(messages.indexOf('bot logged in')).toBeLessThan(messages.indexOf('bot stopped'));
  });
});
