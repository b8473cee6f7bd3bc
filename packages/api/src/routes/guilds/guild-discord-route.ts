import { z } from 'zod';
import type { DiscordChannel, DiscordRole } from '../../discord/discord-rest.js';
import { defineRoute } from '../../http/define-route.js';
import { guildParams, snowflake } from '../../http/schemas.js';

const guildDiscordSchema = z
  .object({
    channels: z.array(
      z.object({
        id: snowflake,
        name: z.string(),
        type: z.number().int().describe('Discord channel type: 0 text, 2 voice, 4 category, 5 announcement, 15 forum, …'),
      }),
    ),
    roles: z.array(z.object({ id: snowflake, name: z.string() })),
  })
  .meta({ id: 'GuildDiscordData' });

type GuildDiscordData = z.infer<typeof guildDiscordSchema>;

/** Channels in Discord's own order (position, then id, as its client lists them at one level). */
function toChannels(channels: readonly DiscordChannel[]): GuildDiscordData['channels'] {
  return [...channels]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id.localeCompare(b.id))
    .map((channel) => ({ id: channel.id, name: channel.name ?? '', type: channel.type }));
}

/** Roles highest first, as Discord lists them. */
function toRoles(roles: readonly DiscordRole[]): GuildDiscordData['roles'] {
  return [...roles].sort((a, b) => b.position - a.position || a.id.localeCompare(b.id)).map((role) => ({ id: role.id, name: role.name }));
}

export const guildDiscordRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id/discord',
  summary: "The guild's channels and roles, for the dashboard's pickers (Discord REST with the bot token, cached briefly)",
  description: 'Cached in the key-value store for `caches.membersTtlMs` (30 s by default), shared by every instance.',
  tags: ['guilds'],
  access: 'guild',
  params: guildParams,
  responses: { 200: guildDiscordSchema },
  async handler({ api, params }) {
    const { kv } = api.services;
    const key = `discord-data:${params.guild_id}`;
    const cached = await kv.get(key);
    if (cached !== undefined) return JSON.parse(cached) as GuildDiscordData;
    const [channels, roles] = await Promise.all([api.discord.channels(params.guild_id), api.discord.roles(params.guild_id)]);
    const data: GuildDiscordData = { channels: toChannels(channels), roles: toRoles(roles) };
    await kv.set(key, JSON.stringify(data), { ttlMs: api.options.caches.membersTtlMs });
    return data;
  },
});
