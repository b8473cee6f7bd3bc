import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DiscordMember } from '../../discord/discord-rest.js';
import { defineRoute } from '../../http/define-route.js';
import { guildParams, snowflake, text } from '../../http/schemas.js';

const memberSchema = z.object({
  user_id: snowflake,
  username: z.string(),
  global_name: z.string().nullable(),
  nick: z.string().nullable(),
  avatar: z.string().nullable(),
  roles: z.array(snowflake),
});

const membersSchema = z.object({
  members: z.array(memberSchema),
  /** Pass as `after` for the next page; `null` on the last page or for searches. */
  next_after: snowflake.nullable(),
});

function toMember(member: DiscordMember): z.infer<typeof memberSchema> | undefined {
  if (member.user === undefined) return undefined;
  return {
    user_id: member.user.id,
    username: member.user.username,
    global_name: member.user.global_name ?? null,
    nick: member.nick ?? null,
    avatar: member.avatar ?? member.user.avatar ?? null,
    roles: member.roles,
  };
}

export const listMembersRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id/members',
  summary: "Search or page through a guild's members (Discord REST with the bot token, cached briefly)",
  tags: ['guilds'],
  access: 'guild',
  params: guildParams,
  query: z.object({
    query: text(100, 1).optional().describe('Prefix of a username or nickname'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    after: snowflake.optional().describe('Last user id of the previous page'),
  }),
  responses: { 200: membersSchema },
  errors: { 502: 'Discord unreachable or refusing the bot (`BL_ERR_API_DISCORD_UNAVAILABLE`)', 503: 'No bot token configured (`BL_ERR_API_NOT_CONFIGURED`)' },
  async handler({ api, params, query }) {
    const { kv } = api.services;
    const variant = createHash('sha256')
      .update(JSON.stringify([query.query ?? null, query.limit, query.after ?? null]))
      .digest('hex')
      .slice(0, 24);
    const key = `members:${params.guild_id}:${variant}`;
    const cached = await kv.get(key);
    if (cached !== undefined) return JSON.parse(cached) as z.infer<typeof membersSchema>;
    const raw =
      query.query === undefined
        ? await api.discord.listMembers(params.guild_id, query.limit, query.after)
        : await api.discord.searchMembers(params.guild_id, query.query, query.limit);
    const members = raw.map(toMember).filter((member) => member !== undefined);
    const last = members.at(-1);
    const page = { members, next_after: query.query === undefined && members.length === query.limit && last ? last.user_id : null };
    await kv.set(key, JSON.stringify(page), { ttlMs: api.options.caches.membersTtlMs });
    return page;
  },
});
