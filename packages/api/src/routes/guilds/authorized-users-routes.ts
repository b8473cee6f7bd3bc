import { appendAuditLog, findAuthorizedUser, grantAccess, listAuthorizedUsers, revokeAccess } from '@baseline/core';
import { z } from 'zod';
import { authorizedUserView } from '../../access/authorized-user-view.js';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import { guildParams, snowflake } from '../../http/schemas.js';
import { authorizedUserSchema } from './authorized-user-schemas.js';

export const listAuthorizedUsersRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id/authorized-users',
  summary: "Users allowed into this guild's dashboard",
  tags: ['access'],
  access: 'guild',
  params: guildParams,
  query: z.object({ include_revoked: z.enum(['true', 'false']).default('false') }),
  responses: { 200: z.object({ users: z.array(authorizedUserSchema) }) },
  async handler({ api, params, query }) {
    const users = await listAuthorizedUsers(api.services.db, params.guild_id, { includeRevoked: query.include_revoked === 'true' });
    return { users: users.map(authorizedUserView) };
  },
});

export const grantAccessRoute = defineRoute({
  method: 'POST',
  url: '/guilds/:guild_id/authorized-users',
  summary: 'Grant a guild member access to this guild (authorized users only; audited)',
  tags: ['access'],
  access: 'guild-authorized',
  params: guildParams,
  body: z.object({ user_id: snowflake }),
  responses: { 201: authorizedUserSchema },
  errors: {
    409: 'The user is already authorized (`BL_ERR_API_CONFLICT`)',
    502: 'Discord unreachable while checking membership (`BL_ERR_API_DISCORD_UNAVAILABLE`)',
    503: 'No bot token configured (`BL_ERR_API_NOT_CONFIGURED`)',
  },
  async handler({ api, params, body, caller }) {
    const member = await api.discord.member(params.guild_id, body.user_id);
    if (member === undefined) {
      throw new ApiError(API_ERROR_CODES.validation, 'the user is not a member of this guild', {
        status: 422,
        fields: [{ path: 'body.user_id', message: 'not a member of this guild' }],
      });
    }
    const record = await grantAccess(api.services.db, { guildId: params.guild_id, userId: body.user_id, grantedByUserId: caller.userId });
    if (record === undefined) throw new ApiError(API_ERROR_CODES.conflict, 'the user is already authorized', { status: 409 });
    const granted = authorizedUserView(record);
    await api.guildAccess.changed({ guildId: params.guild_id, userId: body.user_id });
    await appendAuditLog(api.services.db, {
      guildId: params.guild_id,
      actorUserId: caller.userId,
      action: 'access.grant',
      target: body.user_id,
      after: granted,
    });
    return granted;
  },
});

export const revokeAccessRoute = defineRoute({
  method: 'DELETE',
  url: '/guilds/:guild_id/authorized-users/:user_id',
  summary: "Revoke a user's access (authorized users only; the initial user cannot be revoked; audited)",
  tags: ['access'],
  access: 'guild-authorized',
  params: guildParams.extend({ user_id: snowflake }),
  responses: { 204: null },
  errors: { 409: 'The user who added the bot cannot be revoked (`BL_ERR_API_INITIAL_USER`)' },
  async handler({ api, params, caller }) {
    const { db } = api.services;
    const found = await findAuthorizedUser(db, params.guild_id, params.user_id);
    if (found === undefined || !found.isActive) throw new ApiError(API_ERROR_CODES.notFound, 'the user is not authorized', { status: 404 });
    if (found.isInitial) throw new ApiError(API_ERROR_CODES.initialUser, 'the user who added the bot cannot be revoked', { status: 409 });
    const record = await revokeAccess(db, { guildId: params.guild_id, userId: params.user_id, revokedByUserId: caller.userId });
    if (record === undefined) throw new ApiError(API_ERROR_CODES.notFound, 'the user is not authorized', { status: 404 });
    await api.guildAccess.changed({ guildId: params.guild_id, userId: params.user_id });
    await appendAuditLog(db, {
      guildId: params.guild_id,
      actorUserId: caller.userId,
      action: 'access.revoke',
      target: params.user_id,
      before: authorizedUserView(found),
      after: authorizedUserView(record),
    });
  },
});
