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
   * transaction): after a failure nothing of it is stored. With `options.ifRevision`, writes only when the guild's
   * stored settings still have that revision (see {@link settingsRevision}), checked under locks held until the write
   * commits, so of several writers holding the same revision exactly one writes.
   * @returns `written: false` (nothing stored) when `ifRevision` no longer matched.
   */
  writeMany(
    guildId: string,
    values: Readonly<Record<string, Record<string, unknown>>>,
    audit?: readonly AuditLogAppend[],
    options?: WriteManyOptions,
  ): Promise<WriteManyResult>;
  /** Every stored namespace of a guild with their {@link settingsRevision}, from one read. */
  readAllWithRevision(guildId: string): Promise<{ values: Record<string, Record<string, unknown>>; revision: string }>;
}

/** Options of {@link SettingsStore.writeMany}. */
export interface WriteManyOptions {
  /** Write only if the guild's stored settings still have this revision (optimistic concurrency). */
  ifRevision?: string;
}

/** What {@link SettingsStore.writeMany} did. */
export interface WriteManyResult {
  /** `false` when `ifRevision` no longer matched: nothing was stored. */
  written: boolean;
  /**
   * Every stored namespace of the guild just after the write, when the store read them in the write's own statement
   * (as `readAll` returns them), so a caller needs no second read for the new revision. A store that cannot leaves
   * it out.
   */
  stored?: Record<string, Record<string, unknown>>;
}
