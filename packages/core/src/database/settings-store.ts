import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { BaselineError } from '../errors/baseline-error.js';
import type { SettingsStore } from '../settings/store.js';
import type { Database } from './create-database.js';
import { GuildSetting } from './entities/guild-setting.entity.js';

/**
 * The {@link SettingsStore} on `guild_settings`: one row per guild and namespace, written as an upsert on
 * `(guild_id, setting_key)`. Writing for a guild that has no `guilds` row fails with `BL_ERR_DB_GUILD_UNKNOWN`.
 *
 * @example
 * ```ts
 * const store = createPostgresSettingsStore(db);
 * await store.write('81384788765712384', 'polls', { maxOptions: 5 });
 * ```
 */
export function createPostgresSettingsStore(db: Database): SettingsStore {
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
        if (error instanceof ForeignKeyConstraintViolationException) {
          throw new BaselineError('BL_ERR_DB_GUILD_UNKNOWN', `cannot store settings "${namespace}" for unknown guild ${guildId}`, {
            cause: error,
            details: { guildId, namespace },
          });
        }
        throw error;
      }
    },
  };
}
