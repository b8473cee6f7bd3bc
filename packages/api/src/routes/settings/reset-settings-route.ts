import { resetSettings } from '@baseline/core';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import { guildParams } from '../../http/schemas.js';

export const resetSettingsRoute = defineRoute({
  method: 'POST',
  url: '/guilds/:guild_id/settings/:key/reset',
  summary: 'Reset fields of a settings namespace (or all of it) to their defaults (audited, announced to every bot)',
  description:
    'Optional fields without a default become absent. An unknown field is a 422 and nothing is stored. ' +
    'To clear one optional field within a change, send it as `null` in `PUT /guilds/{guild_id}/settings`.',
  tags: ['settings'],
  access: 'guild',
  params: guildParams.extend({ key: z.string().regex(/^[a-z][a-z0-9-]{0,44}$/, 'must be a settings namespace (a plugin id)') }),
  body: z
    .object({ fields: z.array(z.string().min(1).max(100)).min(1).max(100).optional().describe('Fields to reset; the whole namespace when absent') })
    .strict()
    .describe('What to reset, e.g. { "fields": ["channelId"] }'),
  responses: { 200: z.object({ namespace: z.string(), value: z.record(z.string(), z.unknown()) }) },
  async handler({ api, params, body, caller }) {
    const { settings } = api.services;
    const guildId = params.guild_id;
    if (settings.definition(params.key) === undefined) throw new ApiError(API_ERROR_CODES.notFound, 'no such settings namespace', { status: 404 });
    const actorUserId = caller.userId;
    const value = await resetSettings(settings, guildId, params.key, {
      ...(body.fields === undefined ? {} : { fields: body.fields }),
      actorUserId,
      audit: (before, after) => [{ guildId, actorUserId, action: 'settings.update', target: params.key, before, after }],
    });
    return { namespace: params.key, value };
  },
});
