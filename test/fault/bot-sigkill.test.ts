import { fileURLToPath } from 'node:url';
import { createLogger, createRedisKeyValue, readShardStatuses, shardIdForGuild, type KeyValueStore } from '@baseline/core';
import { createDiscordEmulator, createTestDatabase, createTestRedis, type DiscordEmulator, type TestDatabase, type TestRedis } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShardCluster, ShardClusterEvent } from '../../packages/bot/src/sharding/index.js';
import { startTestCluster } from '../../packages/bot/test/sharding/fixtures/start-test-cluster.js';

const script = fileURLToPath(new URL('../../packages/bot/test/sharding/fixtures/slow-bot-child.ts', import.meta.url));

// Deliverable 5 of the hardening issue: a bot process killed with SIGKILL in the middle of an interaction, then
// restarted by the shard cluster. Two real createBot processes × two shards, the Discord emulator, PostgreSQL, Redis.
describe('a bot process killed with SIGKILL mid-interaction', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let emulator: DiscordEmulator;
  let kv: KeyValueStore;
  let cluster: ShardCluster | undefined;
  const events: ShardClusterEvent[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = createTestRedis();
    kv = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger: createLogger({ service: 'sigkill-test', level: 'warn' }) });
    emulator = await createDiscordEmulator({
      gateway: { heartbeatIntervalMs: 1000 },
      interactions: { responseTimeoutMs: 60_000 },
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: 8 }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await kv?.close();
    await emulator?.close();
    await database?.drop();
    await redis?.cleanup();
  });

  /** Initial responses the bot sent for one interaction (a second one would be a duplicate answer). */
  const callbacks = (interactionId: string) =>
    emulator.requests.filter(
      (request) => request.method === 'POST' && request.path.startsWith(`/interactions/${interactionId}/`) && request.path.endsWith('/callback'),
    ).length;
  const ready = async (pid: number) => (await kv.get(`test:ready:${pid}`)) !== undefined;

  it('GIVEN SIGKILL while /slow is being handled THEN its shards read stale, the process is restarted, they read healthy again, AND no interaction is handled or answered twice', async () => {
    cluster = startTestCluster({
      child: 'bot-child.ts',
      script,
      emulator,
      redisUrl: redis.url,
      kvPrefix: kv.prefix,
      env: { LOG_LEVEL: 'error', DATABASE_URL: database.url },
      backoff: { initialMs: 500 },
      stopTimeoutMs: 10_000,
      onEvent: (event) => events.push(event),
    });
    const [victim, survivor] = cluster.processes();
    await expect.poll(async () => (await ready(victim!.pid!)) && (await ready(survivor!.pid!)), { timeout: 90_000, interval: 250 }).toBe(true);

    const guildIds = [...emulator.state.botGuildIds];
    const victimGuild = guildIds.find((guildId) => victim!.shardIds.includes(shardIdForGuild(guildId, 4)))!;
    const survivorGuild = guildIds.find((guildId) => survivor!.shardIds.includes(shardIdForGuild(guildId, 4)))!;
    expect(victimGuild).toBeDefined();
    expect(survivorGuild).toBeDefined();

    // The victim starts handling /slow; the survivor handles one of its own at the same time.
    const killed = emulator.invokeSlashCommand({ guildId: victimGuild, userId: 'owner', name: 'slow' });
    const alongside = emulator.invokeSlashCommand({ guildId: survivorGuild, userId: 'owner', name: 'slow' });
    await expect.poll(() => kv.get(`test:handler:${killed.id}`), { timeout: 30_000, interval: 50 }).toBe(String(victim!.pid));
    process.kill(victim!.pid!, 'SIGKILL');

    // Its shards stop reporting and read as stale while the other process keeps answering.
    await expect
      .poll(async () => (await readShardStatuses(kv)).filter((shard) => victim!.shardIds.includes(shard.id)).every((shard) => shard.stale), {
        timeout: 30_000,
        interval: 100,
      })
      .toBe(true);
    expect((await alongside.reply(30_000)).content).toBe(String(survivor!.pid));

    // The cluster restarts the killed process; its shards come back ready and fresh.
    await expect
      .poll(() => events.some((event) => event.type === 'spawned' && event.index === 0 && event.pid !== victim!.pid), { timeout: 30_000, interval: 100 })
      .toBe(true);
    const restarted = events.filter((event): event is Extract<ShardClusterEvent, { type: 'spawned' }> => event.type === 'spawned' && event.index === 0).at(-1)!;
    expect(restarted.shardIds).toEqual(victim!.shardIds);
    await expect.poll(() => ready(restarted.pid), { timeout: 90_000, interval: 250 }).toBe(true);
    await expect
      .poll(async () => (await readShardStatuses(kv)).map((shard) => [shard.id, shard.status, shard.stale]), { timeout: 30_000, interval: 100 })
      .toEqual([
        [0, 'ready', false],
        [1, 'ready', false],
        [2, 'ready', false],
        [3, 'ready', false],
      ]);

    // The restarted process answers new interactions on those shards, once each.
    const after = emulator.invokeSlashCommand({ guildId: victimGuild, userId: 'owner', name: 'slow' });
    expect((await after.reply(30_000)).content).toBe(String(restarted.pid));
    expect(await kv.get(`test:handling:${after.id}`)).toBe('1');
    expect(callbacks(after.id)).toBe(1);

    // The interaction in flight at the kill was handled once (by the victim) and never answered: Discord does not
    // deliver an interaction again to a new session, and nothing replayed it.
    expect(await kv.get(`test:handling:${killed.id}`)).toBe('1');
    expect(callbacks(killed.id)).toBe(0);
    expect(await kv.get(`test:handling:${alongside.id}`)).toBe('1');
    expect(callbacks(alongside.id)).toBe(1);
  }, 240_000);
});
