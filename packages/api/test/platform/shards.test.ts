import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShardStatuses, shardIdForGuild } from '@baseline/core';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

// Records in the format @baseline/bot's shard reporter writes (packages/bot/src/shards/start-shard-reporter.ts), under
// the same literal keys, so a change of format on either side fails here.
function record(id: number, guildIds: string[], heartbeatAt: number) {
  return { id, shardCount: 2, status: 'ready', guildIds, guildCount: guildIds.length, latencyMs: 42, uptimeMs: 60_000, readyAt: heartbeatAt - 60_000, heartbeatAt, pid: 1234, host: 'bot-1' };
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
    expect(shards.map((shard) => [shard.id, shard.stale])).toEqual([[0, false], [1, true]]);
  });

  it('GIVEN the developer team THEN /shards lists each shard with guilds, status, latency, uptime and last heartbeat', async () => {
    const response = await dev.get('/api/v1/shards');
    expect(response.status).toBe(200);
    expect(response.body.shard_count).toBe(2);
    expect(response.body.shards).toEqual([
      expect.objectContaining({ shard_id: 0, status: 'ready', stale: false, guild_ids: [stack.guilds.alpha], guild_count: 1, latency_ms: 42, uptime_ms: 60_000, host: 'bot-1' }),
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
});
