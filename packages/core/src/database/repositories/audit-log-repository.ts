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

/** Records one action. */
export async function appendAuditLog(db: Database, entry: AuditLogAppend): Promise<AuditLogEntry> {
  const em = db.fork();
  const row = em.create(AuditLogEntry, {
    guildId: entry.guildId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    metadata: entry.metadata ?? null,
  });
  await em.flush();
  return row;
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
