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

/**
 * What a guild's own users may learn about the shard serving it: its health, never the other guilds it serves
 * nor where the bot runs.
 */
const guildShardSchema = z
  .object({
    shard_id: z.number().int(),
    shard_count: z.number().int().nullable(),
    status: z.string(),
    stale: z.boolean().describe('The shard stopped reporting, or its last heartbeat is too old'),
    latency_ms: z.number().describe('-1 before the first heartbeat acknowledgement'),
    uptime_ms: z.number(),
    last_heartbeat_at: z.string().nullable(),
  })
  .meta({ id: 'GuildShard' });

const memberViewSchema = z
  .object({ guild_id: snowflake, shard_id: z.number().int().nullable(), shard: guildShardSchema.nullable() })
  .meta({ id: 'GuildShardStatus', description: "For the guild's authorized users: the serving shard's health only" });

const developerViewSchema = z
  .object({ guild_id: snowflake, shard_id: z.number().int().nullable(), shard: shardSchema.nullable() })
  .meta({ id: 'GuildShardStatusDeveloper', description: "For the developer team: the serving shard's full record" });

const heartbeat = (shard: ShardStatusView) => (shard.heartbeatAt > 0 ? new Date(shard.heartbeatAt).toISOString() : null);

function view(shard: ShardStatusView): z.infer<typeof shardSchema> {
  return {
    shard_id: shard.id,
    status: shard.status,
    stale: shard.stale,
    guild_ids: [...shard.guildIds],
    guild_count: shard.guildCount,
    latency_ms: shard.latencyMs,
    uptime_ms: shard.uptimeMs,
    last_heartbeat_at: heartbeat(shard),
    host: shard.host,
    pid: shard.pid,
  };
}

function guildView(shard: ShardStatusView): z.infer<typeof guildShardSchema> {
  return {
    shard_id: shard.id,
    shard_count: shard.shardCount > 0 ? shard.shardCount : null,
    status: shard.status,
    stale: shard.stale,
    latency_ms: shard.latencyMs,
    uptime_ms: shard.uptimeMs,
    last_heartbeat_at: heartbeat(shard),
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
    const shards = await readShardStatuses(api.services.kv, { staleAfterMs: api.options.shards.staleAfterMs });
    const live = shards.find((shard) => !shard.stale && shard.shardCount > 0) ?? shards.find((shard) => shard.shardCount > 0);
    return { shard_count: live?.shardCount ?? null, shards: shards.map(view) };
  },
});

export const guildShardRoute = defineRoute({
  method: 'GET',
  url: '/shards/:guild_id',
  summary: "The shard serving a guild (that guild's authorized users and the developer team)",
  description:
    "The guild's authorized users get the shard's health only (`GuildShardStatus`: id, shard count, status, stale, latency, " +
    'uptime, last heartbeat); the developer team gets its full record (`GuildShardStatusDeveloper`: with every guild it ' +
    'serves, host and pid).',
  tags: ['shards'],
  access: 'guild',
  params: guildParams,
  responses: { 200: z.union([memberViewSchema, developerViewSchema]) },
  async handler({ api, params, caller }) {
    const shards = await readShardStatuses(api.services.kv, { staleAfterMs: api.options.shards.staleAfterMs });
    const serving = shards.find((shard) => shard.guildIds.includes(params.guild_id));
    const count = (serving ?? shards.find((shard) => !shard.stale && shard.shardCount > 0))?.shardCount;
    const shardId = serving?.id ?? (count ? shardIdForGuild(params.guild_id, count) : null);
    const shard = serving ?? shards.find((candidate) => candidate.id === shardId);
    // The developer team sees the whole record; anyone else only what concerns their own guild.
    const shown = shard === undefined ? null : caller.isDeveloper ? view(shard) : guildView(shard);
    return { guild_id: params.guild_id, shard_id: shardId, shard: shown };
  },
});
