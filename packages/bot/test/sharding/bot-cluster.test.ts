import { createLogger, createRedisKeyValue, createServices, loadConfig, shardIdForGuild, type BaselineServices, type KeyValueStore } from '@baseline/core';
import { createDiscordEmulator, createTestDatabase, createTestRedis, type DiscordEmulator, type TestDatabase, type TestRedis } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShardCluster, ShardClusterEvent } from '../../src/sharding/index.js';
import { query } from '../shards/test-stack.js';
import type { WhoReply } from './fixtures/bot-child.js';
import { startTestCluster } from './fixtures/start-test-cluster.js';

const GUILDS = 200;

interface ReadyRecord {
  applied: boolean | undefined;
  skipped: string | null;
  writes: number | undefined;
}

// The multi-process case with the real runtime: each child runs createBot (services, cogs, command
// sync, guild tracking, shard reports, signal handlers) over its half of 4 shards.
describe('bot cluster: two createBot processes × two shards', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let emulator: DiscordEmulator;
  let kv: KeyValueStore;
  let services: BaselineServices | undefined;
  let cluster: ShardCluster | undefined;
  const logger = createLogger({ service: 'bot-cluster-test', level: 'warn' });

  beforeAll(async () => {
    // An empty database: both children migrate it as they start (the migrations lock makes that safe).
    database = await createTestDatabase();
    redis = createTestRedis();
    kv = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger });
    emulator = await createDiscordEmulator({
      gateway: { heartbeatIntervalMs: 1000 },
      interactions: { responseTimeoutMs: 30_000 },
      seed: {
        users: [{ username: 'owner' }, { username: 'alice' }],
        guilds: Array.from({ length: GUILDS }, (_, index) => ({ name: `g${index}`, owner: 'owner' })),
      },
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await services?.close();
    await kv.close();
    await emulator.close();
    await database.drop();
    await redis.cleanup();
  });

  it('GIVEN 200 guilds THEN each guild’s command is answered exactly once, by the process owning its shard; one process writes the commands; SIGTERM stops both with exit code 0', async () => {
    const events: ShardClusterEvent[] = [];
    cluster = startTestCluster({
      child: 'bot-child.ts',
      emulator,
      redisUrl: redis.url,
      kvPrefix: kv.prefix,
      env: { LOG_LEVEL: 'error', DATABASE_URL: database.url },
      backoff: { initialMs: 60_000 },
      stopTimeoutMs: 15_000,
      onEvent: (event) => events.push(event),
    });
    const children = cluster.processes();
    const pids = children.map((child) => child.pid!);
    const pidOfShard = (shardId: number) => children.find((child) => child.shardIds.includes(shardId))!.pid;

    const readyKeys = () => kv.mget(pids.map((pid) => `test:ready:${pid}`));
    await expect.poll(async () => (await readyKeys()).filter((value) => value !== undefined).length, { timeout: 60_000, interval: 250 }).toBe(2);
    expect(events.filter((event) => event.type === 'exited')).toEqual([]);

    // One process wrote the command; the other found the lock taken or nothing left to write.
    const syncs = (await readyKeys()).map((value) => JSON.parse(value!) as ReadyRecord);
    expect(syncs.filter((sync) => sync.applied === true && (sync.writes ?? 0) > 0)).toHaveLength(1);
    expect(syncs.filter((sync) => sync.skipped === 'locked' || sync.writes === 0)).toHaveLength(1);
    expect(
      emulator
        .commands(null)
        .map((command) => command.body.name)
        .sort(),
    ).toEqual(['privacy', 'status', 'who']);
    const creates = emulator.requests.filter((request) => request.method === 'POST' && /^\/applications\/\d+\/commands$/.test(request.path));
    expect(creates).toHaveLength(3);

    const guildIds = [...emulator.state.botGuildIds];
    expect(guildIds).toHaveLength(GUILDS);
    const calls = guildIds.map((guildId) => ({ guildId, call: emulator.invokeSlashCommand({ guildId, userId: 'owner', name: 'who' }) }));
    const replies = await Promise.all(
      calls.map(async ({ guildId, call }) => ({ guildId, id: call.id, reply: JSON.parse((await call.reply(30_000)).content) as WhoReply })),
    );

    for (const { guildId, reply } of replies) {
      const shardId = shardIdForGuild(guildId, 4);
      expect({ guildId, ...reply }).toEqual({
        guildId,
        pid: pidOfShard(shardId),
        shardId,
        shards: children.find((child) => child.pid === reply.pid)!.shardIds,
      });
    }
    const answeredBy = new Set(replies.map(({ reply }) => reply.pid));
    expect(answeredBy).toEqual(new Set(pids));
    // Exactly one initial response per interaction, and nothing after it.
    const callbacks = new Map<string, number>();
    for (const request of emulator.requests) {
      const match = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path);
      if (match && request.method === 'POST') callbacks.set(match[1]!, (callbacks.get(match[1]!) ?? 0) + 1);
    }
    expect(replies.every(({ id }) => callbacks.get(id) === 1)).toBe(true);
    expect(callbacks.size).toBe(GUILDS);
    expect(calls.every(({ call }) => call.followUps().length === 0)).toBe(true);

    // Guild tracking (in the background of both processes) records every guild.
    services = await createServices({
      service: 'bot-cluster-test',
      config: loadConfig({ env: { NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_URL: redis.url }, envFiles: false }),
      logger,
      discover: false,
      kvPrefix: `${redis.prefix}reader:`,
    });
    const activeGuilds = async () => (await query<{ count: string }>(services!, `select count(*)::text as count from guilds where is_active`))[0]?.count;
    await expect.poll(activeGuilds, { timeout: 30_000, interval: 250 }).toBe(String(GUILDS));

    await cluster.close();
    const exits = events.filter((event): event is Extract<ShardClusterEvent, { type: 'exited' }> => event.type === 'exited');
    expect(exits.map((event) => [event.pid, event.code, event.signal]).sort()).toEqual(pids.map((pid) => [pid, 0, null]).sort());
    expect(events.some((event) => event.type === 'restarting')).toBe(false);
    cluster = undefined;
  }, 120_000);
});
