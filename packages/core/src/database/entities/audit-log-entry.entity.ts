import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One dashboard action (`access.grant`, `access.revoke`, `settings.update`, `pricing.update`, …). */
export const AuditLogEntry = defineEntity({
  name: 'AuditLogEntry',
  tableName: 'audit_log',
  properties: {
    id: p.bigint('string').primary(),
    guildId: p.bigint('string').nullable(),
    actorUserId: p.bigint('string').nullable(),
    action: p.string(),
    target: p.string().nullable(),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
    metadata: p.json<Record<string, unknown>>().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
  },
  indexes: [{ name: 'audit_log_guild_id_created_at_index', properties: ['guildId', 'createdAt'] }],
});

export type AuditLogEntry = InferEntity<typeof AuditLogEntry>;
