import { listAuditLog } from '@baseline/core';
import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { guildParams, iso, rowId, snowflake, text, timestamp } from '../../http/schemas.js';

export const auditEntrySchema = z
  .object({
    id: z.string(),
    actor_user_id: snowflake.nullable(),
    action: z.string().meta({ examples: ['access.grant', 'access.revoke', 'settings.update'] }),
    target: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    created_at: timestamp,
  })
  .meta({ id: 'AuditLogEntry' });

export const auditLogRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id/audit-log',
  summary: "This guild's dashboard actions, newest first: who did what, when",
  tags: ['access'],
  access: 'guild',
  params: guildParams,
  query: z.object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: rowId.optional().describe('Last entry id of the previous page'),
    action: text(64).optional(),
  }),
  responses: { 200: z.object({ entries: z.array(auditEntrySchema) }) },
  async handler({ api, params, query }) {
    const entries = await listAuditLog(api.services.db, params.guild_id, {
      limit: query.limit,
      ...(query.before ? { beforeId: query.before } : {}),
      ...(query.action ? { action: query.action } : {}),
    });
    return {
      entries: entries.map((entry) => ({
        id: String(entry.id),
        actor_user_id: entry.actorUserId ?? null,
        action: entry.action,
        target: entry.target ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
        created_at: iso(entry.createdAt),
      })),
    };
  },
});
