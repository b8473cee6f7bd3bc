import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShardStatuses, shardIdForGuild } from '@baseline/core';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

// Records in the format @baseline/bot's shard reporter writes (packages/bot/src/shards/start-shard-reporter.ts), under
// the same literal keys, so a change of format on either side fails here.
function record(id: number, guildIds: string[], heartbeatAt: number) {
  return {
    id,
    shardCount: 2,
    status: 'ready',
    guildIds,
    guildCount: guildIds.length,
    latencyMs: 42,
    uptimeMs: 60_000,
    readyAt: heartbeatAt - 60_000,
    heartbeatAt,
    pid: 1234,
    host: 'bot-1',
  };
}

describe('shard status as the bot reports it', () => {
  let stack: ApiStack;
  let dev: ApiClient;
  let owner: ApiClient;

  beforeAll(async () => {
    stack = await createApiStack();
    dev = await stack.login('dev');
    owner = await stack.login('owner');
    const { kv } = stack.services[0]!;
    const now = Date.now();
    const live = record(0, [stack.guilds.alpha], now);
    const dead = record(1, [stack.guilds.beta], now - 120_000);
    await kv.set('shards:0', JSON.stringify(live), { ttlMs: 60_000 });
    // Shard 1 stopped reporting: its live record expired, only the known-shards entry (without guilds) is left.
    await kv.hset('shards:known', { '0': JSON.stringify({ ...live, guildIds: [] }), '1': JSON.stringify({ ...dead, guildIds: [] }) });
  });
  afterAll(() => stack?.close());

  it('GIVEN one live and one silent shard THEN the reader marks only the silent one stale', async () => {
    const shards = await readShardStatuses(stack.services[0]!.kv, { staleAfterMs: 30_000 });
    expect(shards.map((shard) => [shard.id, shard.stale])).toEqual([
      [0, false],
      [1, true],
    ]);
  });

  it('GIVEN the developer team THEN /shards lists each shard with guilds, status, latency, uptime and last heartbeat', async () => {
    const response = await dev.get('/api/v1/shards');
    expect(response.status).toBe(200);
    expect(response.body.shard_count).toBe(2);
    expect(response.body.shards).toEqual([
      expect.objectContaining({
        shard_id: 0,
        status: 'ready',
        stale: false,
        guild_ids: [stack.guilds.alpha],
        guild_count: 1,
        latency_ms: 42,
        uptime_ms: 60_000,
        host: 'bot-1',
      }),
      expect.objectContaining({ shard_id: 1, stale: true }),
    ]);
    expect(Date.parse(response.body.shards[0].last_heartbeat_at)).not.toBeNaN();
  });

  it("GIVEN a guild's authorized user THEN /shards/{guild_id} names the shard serving it", async () => {
    const response = await owner.get(`/api/v1/shards/${stack.guilds.alpha}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ guild_id: stack.guilds.alpha, shard_id: 0, shard: { shard_id: 0, stale: false } });
  });

  it('GIVEN a guild no live shard lists THEN the shard comes from the snowflake formula', async () => {
    const response = await dev.get(`/api/v1/shards/${stack.guilds.beta}`);
    expect(response.body.shard_id).toBe(shardIdForGuild(stack.guilds.beta, 2));
  });

  it("GIVEN several guilds on one shard THEN a guild's authorized user sees only that shard's health, no other guild ids, host or pid AND the developer team sees the full record", async () => {
    const { kv } = stack.services[0]!;
    const other = '111111111111111111';
    const shared = record(0, [stack.guilds.alpha, stack.guilds.beta, other], Date.now());
    await kv.set('shards:0', JSON.stringify(shared), { ttlMs: 60_000 });
    try {
      const response = await owner.get(`/api/v1/shards/${stack.guilds.alpha}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        guild_id: stack.guilds.alpha,
        shard_id: 0,
        shard: { shard_id: 0, shard_count: 2, status: 'ready', stale: false, latency_ms: 42, uptime_ms: 60_000, last_heartbeat_at: expect.any(String) },
      });
      for (const secret of [stack.guilds.beta, other, 'bot-1', '1234']) expect(response.text).not.toContain(secret);

      const full = await dev.get(`/api/v1/shards/${stack.guilds.alpha}`);
      expect(full.body.shard).toMatchObject({ guild_ids: [stack.guilds.alpha, stack.guilds.beta, other], guild_count: 3, host: 'bot-1', pid: 1234 });
    } finally {
      await kv.set('shards:0', JSON.stringify(record(0, [stack.guilds.alpha], Date.now())), { ttlMs: 60_000 });
    }
  });

  it('GIVEN the OpenAPI document THEN the guild route describes the member view and the developer view as separate schemas', async () => {
    const { components, paths } = (await dev.get('/api/v1/openapi.json')).body;
    expect(Object.keys(components.schemas.GuildShard.properties).sort()).toEqual([
      'last_heartbeat_at',
      'latency_ms',
      'shard_count',
      'shard_id',
      'stale',
      'status',
      'uptime_ms',
    ]);
    const schema = JSON.stringify(paths['/api/v1/shards/{guild_id}'].get.responses['200']);
    expect(schema).toContain('#/components/schemas/GuildShardStatus"');
    expect(schema).toContain('#/components/schemas/GuildShardStatusDeveloper"');
  });
});
