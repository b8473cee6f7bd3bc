import type { AuditLogAppend } from '../../src/database/repositories/audit-log-repository.js';
import { settingsRevision } from '../../src/settings/settings-revision.js';
import type { SettingsStore, WriteManyOptions, WriteManyResult } from '../../src/settings/store.js';

/**
 * A SettingsStore double for registry tests: the PostgreSQL store has its own tests. It counts calls so tests
 * can tell cache hits from store reads, and deep-copies values like a database round trip would.
 */
export class MemorySettingsStore implements SettingsStore {
  readonly rows = new Map<string, Map<string, Record<string, unknown>>>();
  reads = 0;
  readAlls = 0;
  writes = 0;
  /** Calls of writeMany, each with the audit entries it was given. */
  readonly batches: Array<{ namespaces: string[]; audit: readonly AuditLogAppend[] }> = [];

  async read(guildId: string, namespace: string): Promise<Record<string, unknown> | undefined> {
    this.reads += 1;
    const value = this.rows.get(guildId)?.get(namespace);
    return value === undefined ? undefined : structuredClone(value);
  }

  async readAll(guildId: string): Promise<Record<string, Record<string, unknown>>> {
    this.readAlls += 1;
    return structuredClone(Object.fromEntries(this.rows.get(guildId) ?? []));
  }

  async write(guildId: string, namespace: string, value: Record<string, unknown>): Promise<void> {
    this.writes += 1;
    let guild = this.rows.get(guildId);
    if (guild === undefined) {
      guild = new Map();
      this.rows.set(guildId, guild);
    }
    guild.set(namespace, structuredClone(value));
  }

  async readAllWithRevision(guildId: string) {
    const values = await this.readAll(guildId);
    return { values, revision: settingsRevision(values) };
  }

  async writeMany(
    guildId: string,
    values: Readonly<Record<string, Record<string, unknown>>>,
    audit: readonly AuditLogAppend[] = [],
    options: WriteManyOptions = {},
  ): Promise<WriteManyResult> {
    if (options.ifRevision !== undefined && settingsRevision(Object.fromEntries(this.rows.get(guildId) ?? [])) !== options.ifRevision)
      return { written: false };
    this.batches.push({ namespaces: Object.keys(values), audit: structuredClone(audit) });
    for (const [namespace, value] of Object.entries(values)) {
      await this.write(guildId, namespace, value);
      this.writes -= 1;
    }
    return { written: true, stored: await this.readAll(guildId) };
  }
}
