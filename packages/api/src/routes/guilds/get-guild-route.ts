import { findGuild } from '@baseline/core';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import { guildParams, iso, snowflake, timestamp } from '../../http/schemas.js';

export const guildSchema = z
  .object({
    guild_id: snowflake,
    name: z.string(),
    owner_id: snowflake.nullable(),
    added_by_user_id: snowflake.nullable(),
    added_at: timestamp,
    is_active: z.boolean(),
  })
  .meta({ id: 'Guild' });

export const getGuildRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id',
  summary: 'One guild',
  tags: ['guilds'],
  access: 'guild',
  params: guildParams,
  responses: { 200: guildSchema },
  async handler({ api, params }) {
    const guild = await findGuild(api.services.db, params.guild_id);
    if (guild === null) throw new ApiError(API_ERROR_CODES.notFound, 'unknown guild', { status: 404 });
    return {
      guild_id: guild.guildId,
      name: guild.guildName,
      owner_id: guild.ownerId ?? null,
      added_by_user_id: guild.addedByUserId ?? null,
      added_at: iso(guild.addedAt),
      is_active: guild.isActive,
    };
  },
});
