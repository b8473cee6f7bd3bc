import type { AuditLogAppend } from '../database/repositories/audit-log-repository.js';

/**
 * Where per-guild settings are persisted. One row per guild and namespace (`guild_settings.setting_key`
 * is the namespace, `setting_value` its whole JSON object).
 *
 * The PostgreSQL implementation lives in `database/settings-store.ts`; the registry in this folder only
 * talks to this interface.
 */
export interface SettingsStore {
  /** The stored object of one namespace for a guild, or `undefined` when nothing was ever stored. */
  read(guildId: string, namespace: string): Promise<Record<string, unknown> | undefined>;
  /** Every stored namespace of a guild, keyed by namespace. */
  readAll(guildId: string): Promise<Record<string, Record<string, unknown>>>;
  /** Replaces the stored object of one namespace for a guild (an upsert). */
  write(guildId: string, namespace: string, value: Record<string, unknown>): Promise<void>;
  /**
   * Replaces the stored objects of several namespaces of a guild and appends `audit` entries, all or nothing (one
   * transaction): after a failure nothing of it is stored.
   */
  writeMany(guildId: string, values: Readonly<Record<string, Record<string, unknown>>>, audit?: readonly AuditLogAppend[]): Promise<void>;
}
