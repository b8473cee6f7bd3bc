import { BaselineError } from '../errors/baseline-error.js';
import { settingsRevision } from '../settings/settings-revision.js';
import type { SettingsStore } from '../settings/store.js';
import type { AuditLogAppend } from './repositories/audit-log-repository.js';
import type { Database } from './create-database.js';
import { preparedQuery, preparedTransaction, type PreparedRunner } from './prepared-query.js';
import { auditLogRow } from './repositories/audit-log-repository.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/**
 * The {@link SettingsStore} on `guild_settings`: one row per guild and namespace, written as an upsert on
 * `(guild_id, setting_key)`. Writing for a guild that has no `guilds` row fails with `BL_ERR_DB_GUILD_UNKNOWN`.
 * `writeMany` stores several namespaces and their audit rows in one statement: all or nothing. With `ifRevision` it
 * runs in a transaction that first locks the guild's row and its settings rows (see {@link lockedRevision}).
 *
 * @example
 * ```ts
 * const store = createPostgresSettingsStore(db);
 * await store.write('81384788765712384', 'polls', { maxOptions: 5 });
 * ```
 */
export function createPostgresSettingsStore(db: Database): SettingsStore {
  function unknownGuild(guildId: string, namespaces: string[], cause?: unknown): BaselineError {
    return new BaselineError(CORE_ERROR_CODES.database.guildUnknown, `cannot store settings "${namespaces.join('", "')}" for unknown guild ${guildId}`, {
      ...(cause === undefined ? {} : { cause }),
      details: { guildId, namespace: namespaces.join(',') },
    });
  }

  // pg's error for a missing `guilds` row (SQLSTATE 23503, foreign key violation).
  function guildUnknown(error: unknown, guildId: string, namespaces: string[]): unknown {
    return error instanceof Error && (error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION ? unknownGuild(guildId, namespaces, error) : error;
  }

  return {
    async read(guildId, namespace) {
      const rows = await preparedQuery<StoredRow>(db, 'settings.read', READ_ONE_SQL, [guildId, namespace]);
      return rows[0]?.setting_value;
    },

    readAll: (guildId) => readAll(db, guildId),

    async write(guildId, namespace, value) {
      try {
        await preparedQuery(db, 'settings.write', WRITE_ONE_SQL, [guildId, namespace, JSON.stringify(value)]);
      } catch (error) {
        throw guildUnknown(error, guildId, [namespace]);
      }
    },

    async readAllWithRevision(guildId) {
      const values = await readAll(db, guildId);
      return { values, revision: settingsRevision(values) };
    },

    async writeMany(guildId, values, audit = [], options = {}) {
      const namespaces = Object.keys(values);
      if (namespaces.length === 0 && audit.length === 0) return { written: true };
      const params = writeManyParams(guildId, values, audit);
      const stored = (rows: StoredRow[]) => ({ written: true, stored: Object.fromEntries(rows.map((row) => [row.setting_key, row.setting_value])) });
      try {
        if (options.ifRevision === undefined) return stored(await preparedQuery<StoredRow>(db, 'settings.write-many', WRITE_MANY_SQL, params));
        const expected = options.ifRevision;
        return await preparedTransaction(db, async (query) => {
          const revision = await lockedRevision(query, guildId);
          if (revision === undefined) throw unknownGuild(guildId, namespaces);
          if (revision !== expected) return { written: false };
          return stored(await query<StoredRow>('settings.write-many', WRITE_MANY_SQL, params));
        });
      } catch (error) {
        throw guildUnknown(error, guildId, namespaces);
      }
    },
  };
}

interface StoredRow {
  setting_key: string;
  setting_value: Record<string, unknown>;
}

// The reads run on every settings request of the API and on every cache miss of a bot, so they and the writes are
// named prepared statements on the pg pool (see preparedQuery): no entity hydration and no planning per call.
const READ_ONE_SQL = 'select "setting_key", "setting_value" from "guild_settings" where "guild_id" = $1 and "setting_key" = $2';
const WRITE_ONE_SQL = `insert into "guild_settings" ("guild_id", "setting_key", "setting_value") values ($1, $2, $3::jsonb)
   on conflict ("guild_id", "setting_key") do update set "setting_value" = excluded."setting_value", "updated_at" = now()`;
const READ_ALL_SQL = 'select "setting_key", "setting_value" from "guild_settings" where "guild_id" = $1 order by "setting_key"';

async function readAll(db: Database, guildId: string): Promise<Record<string, Record<string, unknown>>> {
  const rows = await preparedQuery<StoredRow>(db, 'settings.read-all', READ_ALL_SQL, [guildId]);
  return Object.fromEntries(rows.map((row) => [row.setting_key, row.setting_value]));
}

const FOREIGN_KEY_VIOLATION = '23503';

// One statement, so one implicit transaction and one round trip: the upserts and the audit rows in data-modifying
// WITHs, and the answer is every namespace of the guild after the write (the upserted rows as written, the others as
// the statement's snapshot saw them), so the caller computes the new revision without reading again. A JSON null
// stays SQL NULL, as appendAuditLog stores it.
const WRITE_MANY_SQL = `with "written" as (
     insert into "guild_settings" ("guild_id", "setting_key", "setting_value")
     select $1::bigint, "entry"."key", "entry"."value" from jsonb_each($2::jsonb) as "entry"
     on conflict ("guild_id", "setting_key") do update set
       "setting_value" = excluded."setting_value",
       "updated_at" = now()
     returning "setting_key", "setting_value"
   ), "audited" as (
     insert into "audit_log" ("guild_id", "actor_user_id", "action", "target", "before", "after", "metadata")
     select ("e"->>'guildId')::bigint, ("e"->>'actorUserId')::bigint, "e"->>'action', "e"->>'target',
            nullif("e"->'before', 'null'::jsonb), nullif("e"->'after', 'null'::jsonb), nullif("e"->'metadata', 'null'::jsonb)
       from jsonb_array_elements($3::jsonb) as "e"
   )
   select "setting_key", "setting_value" from "written"
   union all
   select "setting_key", "setting_value" from "guild_settings"
    where "guild_id" = $1::bigint and "setting_key" not in (select "setting_key" from "written")`;

function writeManyParams(guildId: string, values: Readonly<Record<string, Record<string, unknown>>>, audit: readonly AuditLogAppend[]): unknown[] {
  return [guildId, JSON.stringify(values), JSON.stringify(audit.map(auditLogRow))];
}

/**
 * Inside a transaction: locks the guild's settings for a conditional write and returns their revision, or
 * `undefined` for an unknown guild. Two locks, both held until commit:
 * - the `guilds` row `FOR UPDATE`: conditional writers of one guild queue here, and so does any other writer
 *   inserting a namespace's first row (its foreign-key check takes `FOR KEY SHARE` on that row);
 * - the guild's `guild_settings` rows `FOR UPDATE`: a plain write updating one of them waits for this commit, or
 *   this read waits for its commit and sees its result.
 * Either way no write lands between the revision check and the write. The rows are locked in the order jsonb keys
 * sort (length, then bytes), the order `writeMany`'s upsert takes them, so the two cannot deadlock on each other.
 */
async function lockedRevision(query: PreparedRunner, guildId: string): Promise<string | undefined> {
  const guild = await query('settings.lock-guild', 'select 1 from "guilds" where "guild_id" = $1 for update', [guildId]);
  if (guild.length === 0) return undefined;
  const rows = await query<StoredRow>(
    'settings.lock-rows',
    `select "setting_key", "setting_value" from "guild_settings" where "guild_id" = $1
     order by octet_length("setting_key"), "setting_key" collate "C" for update`,
    [guildId],
  );
  return settingsRevision(Object.fromEntries(rows.map((row) => [row.setting_key, row.setting_value])));
}
