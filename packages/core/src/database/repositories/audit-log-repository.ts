import type { Database } from '../create-database.js';
import { AuditLogEntry } from '../entities/audit-log-entry.entity.js';

/** A dashboard action to record. `guildId` is `null` for deployment-wide actions such as pricing changes. */
export interface AuditLogAppend {
  guildId: string | null;
  actorUserId: string | null;
  /** Dotted verb, e.g. `access.grant`, `access.revoke`, `settings.update`, `pricing.update`. */
  action: string;
  /** What was acted on, e.g. the user id granted or the settings namespace. */
  target?: string | null;
  before?: unknown;
  after?: unknown;
  metadata?: Record<string, unknown> | null;
}

/** An entry with every optional field present, left-out ones as `null`: the columns of one `audit_log` row. */
export function auditLogRow(entry: AuditLogAppend) {
  return {
    guildId: entry.guildId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    metadata: entry.metadata ?? null,
  };
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Records one action with a single `INSERT … RETURNING` (no unit of work to flush: it sits on the path of every
 * settings change). `before`, `after` and `metadata` left out or `null` are stored as SQL `NULL`.
 */
export async function appendAuditLog(db: Database, entry: AuditLogAppend): Promise<AuditLogEntry> {
  const row = auditLogRow(entry);
  // The driver's connection straight away: raw SQL needs no fork (unit of work, identity map, logger).
  const [inserted] = await db.orm.em.getConnection().execute<Array<{ id: string; created_at: Date }>>(
    `insert into "audit_log" ("guild_id", "actor_user_id", "action", "target", "before", "after", "metadata")
     values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
     returning "id"::text as "id", "created_at"`,
    [row.guildId, row.actorUserId, row.action, row.target, json(row.before), json(row.after), json(row.metadata)],
  );
  return { id: inserted!.id, ...row, createdAt: new Date(inserted!.created_at) } as AuditLogEntry;
}

/** Filters of {@link listAuditLog}. */
export interface AuditLogQuery {
  /**
   * Page size.
   * @default 50
   */
  limit?: number;
  /** Only entries older than this entry id (the last id of the previous page). */
  beforeId?: string;
  /** Only entries with this action. */
  action?: string;
}

/** A guild's audit log, newest first (`guildId` `null` lists the deployment-wide entries). */
export function listAuditLog(db: Database, guildId: string | null, query: AuditLogQuery = {}): Promise<AuditLogEntry[]> {
  return db.fork().find(
    AuditLogEntry,
    {
      guildId,
      ...(query.action ? { action: query.action } : {}),
      ...(query.beforeId ? { id: { $lt: query.beforeId } } : {}),
    },
    { orderBy: { id: 'desc' }, limit: Math.min(Math.max(query.limit ?? 50, 1), 500) },
  );
}
