import type { EmulatorCore } from '../emulator-core.js';
import { Intent } from '../gateway/intents.js';
import { Permission } from '../permissions.js';
import type { AuditLogEntryRecord, GuildRecord } from '../state/records.js';

/** Audit log action types the emulator writes. */
export const AuditAction = {
  ChannelCreate: 10,
  ChannelUpdate: 11,
  ChannelDelete: 12,
  MemberKick: 20,
  MemberBanAdd: 22,
  MemberBanRemove: 23,
  MemberUpdate: 24,
  MemberRoleUpdate: 25,
  BotAdd: 28,
  RoleCreate: 30,
  RoleUpdate: 31,
  RoleDelete: 32,
} as const;

/** One change of an audit entry: `key` with its old and new value (`$add`/`$remove` for member roles). */
export interface AuditChange {
  key: string;
  old_value?: unknown;
  new_value?: unknown;
}

/** An entry to write. `reason` is the request's `X-Audit-Log-Reason`. */
export interface NewAuditEntry {
  actionType: number;
  userId: string | null;
  targetId: string | null;
  reason?: string | null;
  changes?: AuditChange[];
  options?: Record<string, unknown>;
}

/**
 * The `changes` of an entry for the keys an action touched: each key given in `after` (not `undefined`) whose value
 * differs from `before`. Discord leaves out a side that is null or absent, so a created object's changes carry no
 * `old_value` and a cleared topic no `new_value`.
 */
export function auditChanges(before: Record<string, unknown>, after: Record<string, unknown>): AuditChange[] {
  return Object.entries(after).flatMap(([key, value]) => {
    const old = before[key];
    if (value === undefined || value === old) return [];
    return [{ key, ...(old === null || old === undefined ? {} : { old_value: old }), ...(value === null ? {} : { new_value: value }) }];
  });
}

/**
 * Guild audit logs: every entry is stored (newest last) and sent as GUILD_AUDIT_LOG_ENTRY_CREATE to sessions
 * with GUILD_MODERATION while the bot has VIEW_AUDIT_LOG in the guild, as Discord does.
 */
export class AuditLog {
  constructor(private readonly core: EmulatorCore) {}

  /** Writes an entry for what the bot did through REST, with the request's `X-Audit-Log-Reason`. */
  addByBot(guild: GuildRecord, entry: Omit<NewAuditEntry, 'userId'>): AuditLogEntryRecord {
    return this.add(guild, { ...entry, userId: this.core.ctx.state.botUserId });
  }

  add(guild: GuildRecord, entry: NewAuditEntry): AuditLogEntryRecord {
    const record: AuditLogEntryRecord = {
      id: this.core.ctx.snowflakes.next(),
      actionType: entry.actionType,
      userId: entry.userId,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      changes: entry.changes ?? [],
      ...(entry.options ? { options: entry.options } : {}),
    };
    guild.auditLog.push(record);
    const { state } = this.core.ctx;
    if (state.botIsIn(guild.id) && (state.basePermissions(guild, state.botUserId) & Permission.ViewAuditLog) !== 0n) {
      const payload = { ...auditEntryPayload(record), guild_id: guild.id };
      this.core.gateway.dispatch(guild.id, 'GUILD_AUDIT_LOG_ENTRY_CREATE', JSON.stringify(payload), Intent.GuildModeration);
    }
    return record;
  }
}

/** Discord audit log entry object. */
export function auditEntryPayload(entry: AuditLogEntryRecord): Record<string, unknown> {
  return {
    id: entry.id,
    action_type: entry.actionType,
    user_id: entry.userId,
    target_id: entry.targetId,
    changes: entry.changes,
    reason: entry.reason,
    ...(entry.options ? { options: entry.options } : {}),
  };
}
