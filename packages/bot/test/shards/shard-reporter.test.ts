import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BaselineServices } from '@baseline/core';
import { createDiscordEmulator, type DiscordEmulator } from '@baseline/testing';
import type { Client } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readShardStatuses, shardIdForGuild } from '@baseline/core';
import { startShardReporter, type ShardReporter } from '../../src/shards/index.js';
import { createTestStack, fastGateway, loginReady, testClient } from './test-stack.js';

const childScript = fileURLToPath(new URL('../sharding/fixtures/shard-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('shard status in Redis', () => {
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  let services: BaselineServices;
  let emulator: DiscordEmulator;
  let client: Client | undefined;
  let reporter: ShardReporter | undefined;

  beforeAll(async () => {
    stack = await createTestStack();
    services = stack.services;
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    await reporter?.close();
    await client?.destroy();
    await emulator?.close();
    reporter = undefined;
    client = undefined;
  });

  it('GIVEN two shards THEN each writes its id, its own guild ids, ready status, latency, uptime and process', async () => {
    emulator = await createDiscordEmulator({
      gateway: fastGateway,
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: 12 }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
    client = testClient(emulator, { shards: [0, 1], shardCount: 2 });
    reporter = startShardReporter(client, services, { intervalMs: 100, ttlMs: 2000 });
    await loginReady(client, emulator.botToken);

    await expect
      .poll(async () => (await readShardStatuses(services.kv)).map((shard) => [shard.id, shard.status, shard.latencyMs >= 0, shard.stale]), { timeout: 10_000 })
      .toEqual([
        [0, 'ready', true, false],
        [1, 'ready', true, false],
      ]);
    const shards = await readShardStatuses(services.kv);
    const guildIds = [...emulator.state.botGuildIds];
    for (const shard of shards) {
      expect([...shard.guildIds].sort()).toEqual(guildIds.filter((id) => shardIdForGuild(id, 2) === shard.id).sort());
      expect(shard).toMatchObject({ shardCount: 2, pid: process.pid, guildCount: shard.guildIds.length });
      expect(shard.readyAt).not.toBeNull();
      expect(shard.uptimeMs).toBeGreaterThanOrEqual(0);
    }
    expect(shards[0]!.guildCount + shards[1]!.guildCount).toBe(12);

    await reporter.close();
    reporter = undefined;
    expect((await readShardStatuses(services.kv)).map((shard) => [shard.status, shard.stale])).toEqual([
      ['stopped', true],
      ['stopped', true],
    ]);
  });

  it('GIVEN a shard process killed without warning THEN its record expires and it reads as stale, not healthy', async () => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: [{ username: 'owner' }], guilds: [{ name: 'only', owner: 'owner' }] } });
    const prefix = `${services.kv.prefix}killed:`;
    const child = fork(childScript, [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx', '--conditions=@baseline/source'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DISCORD_BOT_TOKEN: emulator.botToken,
        DISCORD_API_BASE_URL: emulator.restUrl,
        REDIS_URL: process.env.BASELINE_TEST_REDIS_URL!,
        TEST_KV_PREFIX: prefix,
        SHARD_COUNT: '1',
        SHARD_IDS: '0',
        REPORT_TTL_MS: '800',
      },
      stdio: 'inherit',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const { createRedisKeyValue } = await import('@baseline/core');
      const kv = createRedisKeyValue({ url: process.env.BASELINE_TEST_REDIS_URL!, prefix, logger: services.logger });
      try {
        await expect
          .poll(async () => (await readShardStatuses(kv)).map((shard) => [shard.status, shard.stale, shard.pid]), { timeout: 20_000 })
          .toEqual([['ready', false, child.pid]]);
        child.kill('SIGKILL');
        await exited;
        await expect
          .poll(async () => (await readShardStatuses(kv)).map((shard) => [shard.id, shard.stale, shard.pid]), { timeout: 10_000 })
          .toEqual([[0, true, child.pid]]);
        expect((await readShardStatuses(kv))[0]!.status).toBe('ready');
      } finally {
        await kv.close();
      }
    } finally {
      child.kill('SIGKILL');
    }
  });
});
