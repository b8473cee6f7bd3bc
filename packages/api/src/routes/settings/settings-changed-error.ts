import { listAuditLog } from '@baseline/core';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import type { ApiContext } from '../../http/api-context.js';
import { iso, snowflake, timestamp } from '../../http/schemas.js';

/** The 412 body of a settings write over a newer version, for the OpenAPI document. */
export const settingsChangedErrorSchema = z
  .object({
    error: z.object({
      code: z.literal(API_ERROR_CODES.settingsChanged),
      message: z.string(),
      changed_by: z
        .object({ user_id: snowflake.nullable(), username: z.string().nullable(), at: timestamp.nullable() })
        .nullable()
        .describe('The latest settings change of the guild (its audit entry); null when none is recorded'),
    }),
  })
  .meta({ id: 'SettingsChangedError' })
  .describe('`If-Match` no longer matches: someone changed the settings since they were read. Nothing was stored; reload and apply the change again');

/**
 * The 412 answered when `If-Match` no longer matches: who made the latest settings change of the guild, from its
 * audit log (`settings.update`; the username as recorded with the entry by the API, `null` for other writers).
 */
export async function settingsChangedError(api: ApiContext, guildId: string): Promise<ApiError> {
  const [latest] = await listAuditLog(api.services.db, guildId, { action: 'settings.update', limit: 1 });
  const username = latest?.metadata?.actor_username;
  const changedBy =
    latest === undefined ? null : { user_id: latest.actorUserId ?? null, username: typeof username === 'string' ? username : null, at: iso(latest.createdAt) };
  const who = changedBy === null ? 'someone' : (changedBy.username ?? (changedBy.user_id === null ? 'someone' : `user ${changedBy.user_id}`));
  const when = changedBy?.at ? ` at ${changedBy.at}` : '';
  return new ApiError(
    API_ERROR_CODES.settingsChanged,
    `the settings were changed by ${who}${when} after you loaded them; nothing was stored. Reload the settings (GET …/settings for the new ETag) and apply your change again`,
    { status: 412, extra: { changed_by: changedBy } },
  );
}
