// docs/deploying.md "From one host to many", proven on two network hosts: two network namespaces joined by veth
// to a bridge, one createBot process per host with its own shard range of the same SHARD_COUNT, the Discord
// emulator, PostgreSQL and Redis reached across the veth. Runs wherever network namespaces can be made (root);
// elsewhere it is skipped with the reason printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createLogger, createRedisKeyValue, readShardStatuses, shardIdForGuild, type KeyValueStore } from '@baseline/core';
import { createDiscordEmulator, createTestDatabase, createTestRedis, type DiscordEmulator, type TestDatabase, type TestRedis } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhoReply } from '../../packages/bot/test/sharding/fixtures/bot-child.js';
import { createHosts, forwardPort, netnsUnavailable, type Hosts } from './support/netns.js';

const GUILDS = 200;
const SHARD_COUNT = 4;
const RANGES = ['0-1', '2-3'] as const;
// Two identify buckets (`shard_id % max_concurrency`): shards 0 and 2 share one, 1 and 3 the other, so each bucket
// has a shard on either host and only the shared Redis throttler keeps them apart.
const MAX_CONCURRENCY = 2;
// Discord's identify window: at most one IDENTIFY per bucket in it.
const IDENTIFY_INTERVAL_MS = 5000;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const childScript = fileURLToPath(new URL('../../packages/bot/test/sharding/fixtures/bot-child.ts', import.meta.url));

const unavailable = netnsUnavailable();
if (unavailable !== undefined) console.warn(`two-host sharding test skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('sharding across two network hosts', () => {
  let hosts: Hosts;
  let emulator: DiscordEmulator;
  let database: TestDatabase;
  let redis: TestRedis;
  let kv: KeyValueStore;
  const forwards: { close(): Promise<void> }[] = [];
  const bots: (ChildProcess | undefined)[] = [undefined, undefined];
  let hostEnv: Record<string, string>;

  const startHost = (index: number): ChildProcess => {
    const child = spawn('ip', ['netns', 'exec', hosts.names[index]!, process.execPath, '--import', 'tsx', '--conditions=@baseline/source', childScript], {
      cwd: repoRoot,
      env: { ...process.env, ...hostEnv, SHARD_COUNT: String(SHARD_COUNT), SHARD_IDS: RANGES[index]! },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    bots[index] = child;
    return child;
  };
  const stopHost = async (index: number, signal: NodeJS.Signals) => {
    const child = bots[index];
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };

  beforeAll(async () => {
    hosts = createHosts(2);
    database = await createTestDatabase();
    redis = createTestRedis();
    kv = createRedisKeyValue({ url: redis.url, prefix: redis.prefix, logger: createLogger({ service: 'two-hosts-test', level: 'warn' }) });
    // The emulator listens on the bridge, the "network" both hosts are on.
    emulator = await createDiscordEmulator({
      host: hosts.gateway,
      gateway: { heartbeatIntervalMs: 1000, maxConcurrency: MAX_CONCURRENCY, identifyIntervalMs: IDENTIFY_INTERVAL_MS },
      interactions: { responseTimeoutMs: 30_000 },
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: GUILDS }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
    const databaseUrl = new URL(database.url);
    const redisUrl = new URL(redis.url);
    const postgres = await forwardPort(hosts.gateway, { host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
    const redisForward = await forwardPort(hosts.gateway, { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    forwards.push(postgres, redisForward);
    databaseUrl.hostname = hosts.gateway;
    databaseUrl.port = String(postgres.port);
    redisUrl.hostname = hosts.gateway;
    redisUrl.port = String(redisForward.port);
    hostEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DISCORD_BOT_TOKEN: emulator.botToken,
      DISCORD_API_BASE_URL: emulator.restUrl,
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: redisUrl.toString(),
      TEST_KV_PREFIX: kv.prefix,
    };
  }, 60_000);

  afterAll(async () => {
    for (const index of [0, 1]) await stopHost(index, 'SIGKILL').catch(() => {});
    await emulator?.close();
    for (const forward of forwards) await forward.close();
    await kv?.close();
    await database?.drop();
    await redis?.cleanup();
    hosts?.remove();
  });

  it('GIVEN two hosts with shards 0-1 and 2-3 of 4 THEN each of 200 guilds is answered once by its shard’s host; host B killed → its shards stale, host A answers; B back → healthy', async () => {
    expect(emulator.restUrl).toContain(hosts.gateway);
    const [a, b] = [startHost(0), startHost(1)];
    const ready = () => kv.mget([a, b].map((child) => `test:ready:${child.pid}`));
    // Generous: on a loaded two-core machine the two processes took ~50 s to their first IDENTIFY, and with two
    // buckets the second shard of each bucket waits one more identify window.
    await expect.poll(async () => (await ready()).filter((value) => value !== undefined).length, { timeout: 180_000, interval: 500 }).toBe(2);

    // Each host runs only its own shards.
    const shardHosts = async () => (await readShardStatuses(kv, { staleAfterMs: 15_000 })).map((shard) => [shard.id, shard.status, shard.stale, shard.pid]);
    await expect.poll(shardHosts, { timeout: 30_000, interval: 500 }).toEqual([
      [0, 'ready', false, a.pid],
      [1, 'ready', false, a.pid],
      [2, 'ready', false, b.pid],
      [3, 'ready', false, b.pid],
    ]);

    const ask = async (guildIds: readonly string[]) =>
      Promise.all(
        guildIds.map(async (guildId) => {
          const call = emulator.invokeSlashCommand({ guildId, userId: 'owner', name: 'who' });
          return { guildId, id: call.id, reply: JSON.parse((await call.reply(30_000)).content) as WhoReply };
        }),
      );
    const pidOfShard = (shardId: number) => (shardId < 2 ? a.pid : b.pid);
    const guildIds = [...emulator.state.botGuildIds];
    expect(guildIds).toHaveLength(GUILDS);
    const replies = await ask(guildIds);
    for (const { guildId, reply } of replies) {
      const shardId = shardIdForGuild(guildId, SHARD_COUNT);
      expect({ guildId, pid: reply.pid, shardId: reply.shardId }).toEqual({ guildId, pid: pidOfShard(shardId), shardId });
    }
    const callbacks = new Map<string, number>();
    for (const request of emulator.requests) {
      const match = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path);
      if (match && request.method === 'POST') callbacks.set(match[1]!, (callbacks.get(match[1]!) ?? 0) + 1);
    }
    expect(replies.every(({ id }) => callbacks.get(id) === 1)).toBe(true);

    // Host B dies without a word: its shards go stale in the shard monitor, host A keeps answering.
    await stopHost(1, 'SIGKILL');
    const statuses = async () => (await readShardStatuses(kv, { staleAfterMs: 15_000 })).map((shard) => [shard.id, shard.stale]);
    await expect.poll(statuses, { timeout: 60_000, interval: 1000 }).toEqual([
      [0, false],
      [1, false],
      [2, true],
      [3, true],
    ]);
    const onA = guildIds.filter((guildId) => shardIdForGuild(guildId, SHARD_COUNT) < 2).slice(0, 20);
    for (const { reply } of await ask(onA)) expect(reply.pid).toBe(a.pid);

    // Host B back: its shards report healthy again and answer their guilds.
    const b2 = startHost(1);
    await expect
      .poll(async () => (await readShardStatuses(kv, { staleAfterMs: 15_000 })).map((shard) => [shard.id, shard.status, shard.stale]), {
        timeout: 90_000,
        interval: 1000,
      })
      .toEqual([
        [0, 'ready', false],
        [1, 'ready', false],
        [2, 'ready', false],
        [3, 'ready', false],
      ]);
    const onB = guildIds.filter((guildId) => shardIdForGuild(guildId, SHARD_COUNT) >= 2).slice(0, 20);
    for (const { reply } of await ask(onB)) expect(reply.pid).toBe(b2.pid);

    // Identify concurrency held across hosts, by the emulator's own record of every IDENTIFY it received (start-up
    // of both hosts and host B's return): none refused, and no two in one bucket within 5 s.
    const gatewayBot = await fetch(`${emulator.restUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${emulator.botToken}` } });
    const { session_start_limit: limit } = (await gatewayBot.json()) as { session_start_limit: { max_concurrency: number } };
    expect(limit.max_concurrency).toBe(MAX_CONCURRENCY);
    const identifies = emulator.identifies();
    expect(identifies.filter((identify) => identify.outcome !== 'started')).toEqual([]);
    // Every shard identified at start-up, and shards 2 and 3 again when host B came back.
    const countOf = (shardId: number) => identifies.filter((identify) => identify.shardId === shardId).length;
    expect([0, 1, 2, 3].map(countOf).map((count, shardId) => count >= (shardId < 2 ? 1 : 2))).toEqual([true, true, true, true]);
    for (let bucket = 0; bucket < limit.max_concurrency; bucket++) {
      // A lower bound the shared throttler guarantees (load only widens the gaps), not a performance figure.
      const times = identifies.filter((identify) => identify.bucket === bucket).map((identify) => identify.at);
      // Each bucket holds a shard of each host: the spacing below is kept across hosts, not within one process.
      expect(new Set(identifies.filter((identify) => identify.bucket === bucket).map((identify) => (identify.shardId < 2 ? 'A' : 'B'))).size).toBe(2);
      for (let index = 1; index < times.length; index++) expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(IDENTIFY_INTERVAL_MS);
    }
    await stopHost(0, 'SIGTERM');
    await stopHost(1, 'SIGTERM');
  }, 420_000);
});
