import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { BaselineError } from '../errors/baseline-error.js';
import type { SettingsStore } from '../settings/store.js';
import type { Database } from './create-database.js';
import { GuildSetting } from './entities/guild-setting.entity.js';
import { auditLogRow } from './repositories/audit-log-repository.js';

/**
 * The {@link SettingsStore} on `guild_settings`: one row per guild and namespace, written as an upsert on
 * `(guild_id, setting_key)`. Writing for a guild that has no `guilds` row fails with `BL_ERR_DB_GUILD_UNKNOWN`.
 * `writeMany` stores several namespaces and their audit rows in one statement: all or nothing.
 *
 * @example
 * ```ts
 * const store = createPostgresSettingsStore(db);
 * await store.write('81384788765712384', 'polls', { maxOptions: 5 });
 * ```
 */
export function createPostgresSettingsStore(db: Database): SettingsStore {
  function guildUnknown(error: unknown, guildId: string, namespaces: string[]): unknown {
    if (!(error instanceof ForeignKeyConstraintViolationException)) return error;
    return new BaselineError('BL_ERR_DB_GUILD_UNKNOWN', `cannot store settings "${namespaces.join('", "')}" for unknown guild ${guildId}`, {
      cause: error,
      details: { guildId, namespace: namespaces.join(',') },
    });
  }

  return {
    async read(guildId, namespace) {
      const row = await db.fork().findOne(GuildSetting, { guildId, settingKey: namespace });
      return row?.settingValue;
    },

    async readAll(guildId) {
      const rows = await db.fork().find(GuildSetting, { guildId }, { orderBy: { settingKey: 'asc' } });
      return Object.fromEntries(rows.map((row) => [row.settingKey, row.settingValue]));
    },

    async write(guildId, namespace, value) {
      try {
        await db.fork().execute(
          `insert into "guild_settings" ("guild_id", "setting_key", "setting_value")
           values (?, ?, ?::jsonb)
           on conflict ("guild_id", "setting_key") do update set
             "setting_value" = excluded."setting_value",
             "updated_at" = now()`,
          [guildId, namespace, JSON.stringify(value)],
          'run',
        );
      } catch (error) {
        throw guildUnknown(error, guildId, [namespace]);
      }
    },

    async writeMany(guildId, values, audit = []) {
      const namespaces = Object.keys(values);
      if (namespaces.length === 0 && audit.length === 0) return;
      try {
        // One statement, so one implicit transaction and one round trip: the upserts in a data-modifying WITH, the
        // audit rows in the main insert. A JSON null stays SQL NULL, as appendAuditLog stores it.
        await db.fork().execute(
          `with "written" as (
             insert into "guild_settings" ("guild_id", "setting_key", "setting_value")
             select ?::bigint, "entry"."key", "entry"."value" from jsonb_each(?::jsonb) as "entry"
             on conflict ("guild_id", "setting_key") do update set
               "setting_value" = excluded."setting_value",
               "updated_at" = now()
             returning 1
           )
           insert into "audit_log" ("guild_id", "actor_user_id", "action", "target", "before", "after", "metadata")
           select ("e"->>'guildId')::bigint, ("e"->>'actorUserId')::bigint, "e"->>'action', "e"->>'target',
                  nullif("e"->'before', 'null'::jsonb), nullif("e"->'after', 'null'::jsonb), nullif("e"->'metadata', 'null'::jsonb)
             from jsonb_array_elements(?::jsonb) as "e"`,
          [guildId, JSON.stringify(values), JSON.stringify(audit.map(auditLogRow))],
          'run',
        );
      } catch (error) {
        throw guildUnknown(error, guildId, namespaces);
      }
    },
  };
}
