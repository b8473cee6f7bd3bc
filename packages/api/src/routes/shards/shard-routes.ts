import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { guildParams, snowflake } from '../../http/schemas.js';
import { readShardStatuses, shardIdForGuild, type ShardStatusView } from '@baseline/core';

const shardSchema = z
  .object({
    shard_id: z.number().int(),
    status: z.string(),
    stale: z.boolean().describe('The shard stopped reporting, or its last heartbeat is too old'),
    guild_ids: z.array(snowflake),
    guild_count: z.number().int(),
    latency_ms: z.number().describe('-1 before the first heartbeat acknowledgement'),
    uptime_ms: z.number(),
    last_heartbeat_at: z.string().nullable(),
    host: z.string(),
    pid: z.number().int(),
  })
  .meta({ id: 'Shard' });

function view(shard: ShardStatusView): z.infer<typeof shardSchema> {
  return {
    shard_id: shard.id,
    status: shard.status,
    stale: shard.stale,
    guild_ids: [...shard.guildIds],
    guild_count: shard.guildCount,
    latency_ms: shard.latencyMs,
    uptime_ms: shard.uptimeMs,
    last_heartbeat_at: shard.heartbeatAt > 0 ? new Date(shard.heartbeatAt).toISOString() : null,
    host: shard.host,
    pid: shard.pid,
  };
}

export const listShardsRoute = defineRoute({
  method: 'GET',
  url: '/shards',
  summary: 'Every shard with its guilds, status, latency, uptime and last heartbeat (developer team)',
  tags: ['shards'],
  access: 'developer',
  responses: { 200: z.object({ shard_count: z.number().int().nullable(), shards: z.array(shardSchema) }) },
  async handler({ api }) {
    const shards = await readShardStatuses(api.services.kv, { staleAfterMs: api.options.shardStaleAfterMs });
    const live = shards.find((shard) => !shard.stale && shard.shardCount > 0) ?? shards.find((shard) => shard.shardCount > 0);
    return { shard_count: live?.shardCount ?? null, shards: shards.map(view) };
  },
});

export const guildShardRoute = defineRoute({
  method: 'GET',
  url: '/shards/:guild_id',
  summary: "The shard serving a guild (that guild's authorized users and the developer team)",
  tags: ['shards'],
  access: 'guild',
  params: guildParams,
  responses: { 200: z.object({ guild_id: snowflake, shard_id: z.number().int().nullable(), shard: shardSchema.nullable() }) },
  async handler({ api, params }) {
    const shards = await readShardStatuses(api.services.kv, { staleAfterMs: api.options.shardStaleAfterMs });
    const serving = shards.find((shard) => shard.guildIds.includes(params.guild_id));
    const count = (serving ?? shards.find((shard) => !shard.stale && shard.shardCount > 0))?.shardCount;
    const shardId = serving?.id ?? (count ? shardIdForGuild(params.guild_id, count) : null);
    const shard = serving ?? shards.find((candidate) => candidate.id === shardId);
    return { guild_id: params.guild_id, shard_id: shardId, shard: shard ? view(shard) : null };
  },
});
