import { createTurnBatcher, toError } from '../async/turn-batcher.js';
import { BaselineError } from '../errors/baseline-error.js';
import { settingsRevision } from '../settings/settings-revision.js';
import type { SettingsStore, WriteManyResult } from '../settings/store.js';
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
 * Unconditional `writeMany` calls made in the same turn of the event loop are committed together (see
 * {@link createGroupCommit}), and the `readAll` calls of one turn share one query (see {@link createBatchedReadAll}).
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
    return error instanceof Error && sqlState(error) === FOREIGN_KEY_VIOLATION ? unknownGuild(guildId, namespaces, error) : error;
  }

  const groupCommit = createGroupCommit(db, guildUnknown);
  const allReads = createBatchedReadAll(db);

  return {
    async read(guildId, namespace) {
      const rows = await preparedQuery<StoredRow>(db, 'settings.read', READ_ONE_SQL, [guildId, namespace]);
      return rows[0]?.setting_value;
    },

    readAll: (guildId) => allReads.load(guildId),

    async write(guildId, namespace, value) {
      try {
        await preparedQuery(db, 'settings.write', WRITE_ONE_SQL, [guildId, namespace, JSON.stringify(value)]);
      } catch (error) {
        throw guildUnknown(error, guildId, [namespace]);
      }
    },

    async readAllWithRevision(guildId) {
      const values = await allReads.load(guildId);
      return { values, revision: settingsRevision(values) };
    },

    async writeMany(guildId, values, audit = [], options = {}) {
      const namespaces = Object.keys(values);
      if (namespaces.length === 0 && audit.length === 0) return { written: true };
      if (options.ifRevision === undefined) return groupCommit.load({ guildId, values, audit });
      const params = writeManyParams(guildId, values, audit);
      const expected = options.ifRevision;
      try {
        return await againAfterDeadlock(() =>
          preparedTransaction(db, async (query) => {
            const revision = await lockedRevision(query, guildId);
            if (revision === undefined) throw unknownGuild(guildId, namespaces);
            if (revision !== expected) return { written: false };
            return storedResult(await query<StoredRow>('settings.write-many', WRITE_MANY_SQL, params));
          }),
        );
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
const READ_GUILDS_SQL = `select "g"."id" as "guild_id", "s"."setting_key", "s"."setting_value"
   from unnest($1::text[]) as "g"("id") join "guild_settings" "s" on "s"."guild_id" = "g"."id"::bigint
  order by "s"."setting_key"`;

/**
 * Every stored namespace of a guild, the reads of one turn of the event loop sharing one query (see
 * `createTurnBatcher`: each read is fresh and sent after its caller asked, so it sees every write committed before).
 * The API's `GET …/settings` reads on every request; under load this saves most of their round trips. A query
 * PostgreSQL refuses is read again guild by guild, so one bad id fails only its own caller.
 */
function createBatchedReadAll(db: Database) {
  // Each guild's stored namespaces by the id as its caller gave it, from one query (one guild or several).
  async function readGuilds(guildIds: readonly string[]): Promise<Array<Record<string, Record<string, unknown>>>> {
    const unique = [...new Set(guildIds)];
    const rows = await preparedQuery<StoredRow & { guild_id: string }>(db, 'settings.read-guilds', READ_GUILDS_SQL, [unique]);
    const byGuild = new Map(unique.map((guildId) => [guildId, {} as Record<string, Record<string, unknown>>]));
    for (const row of rows) byGuild.get(row.guild_id)![row.setting_key] = row.setting_value;
    return guildIds.map((guildId) => ({ ...byGuild.get(guildId)! }));
  }
  return createTurnBatcher(readGuilds, {
    maxBatchSize: 256,
    alone: async (guildId: string) => (await readGuilds([guildId]))[0]!,
    aloneAfter: refusedByServer,
  });
}

const FOREIGN_KEY_VIOLATION = '23503';
const DEADLOCK_DETECTED = '40P01';
/** Attempts of a write that PostgreSQL aborted to break a deadlock. */
const DEADLOCK_ATTEMPTS = 3;

/**
 * Runs a write again when PostgreSQL aborted it to break a deadlock (nothing of it was stored). A conditional write's
 * lock on the guild's row can close a cycle with a writer inserting a namespace's first row: that insert's
 * foreign-key check waits for the guild's row while it holds a settings row the conditional write waits for.
 * PostgreSQL aborts one of the two; run again, it waits for the other to commit.
 */
async function againAfterDeadlock<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || sqlState(error) !== DEADLOCK_DETECTED) throw error;
    }
  }
}

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

function storedResult(rows: readonly StoredRow[]): WriteManyResult {
  return { written: true, stored: Object.fromEntries(rows.map((row) => [row.setting_key, row.setting_value])) };
}

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

/** One unconditional `writeMany` waiting for its group commit. */
interface PendingWrite {
  guildId: string;
  values: Readonly<Record<string, Record<string, unknown>>>;
  audit: readonly AuditLogAppend[];
}

/** Most writes committed by one group statement; more wait for the next one. */
const GROUP_COMMIT_MAX = 64;

/**
 * Group commit: the unconditional writes that arrive in the same turn of the event loop (under load, the requests
 * whose gate answers came back in one Redis reply) are stored by one statement, so by one round trip and one
 * commit, instead of one each. Under concurrent writes to one row this is most of the gain: the writers no longer
 * queue on the row's lock and on one WAL flush each. A write alone in its turn waits only for the turn to end.
 *
 * Each caller still gets its own answer, as if the writes of the group had committed one after another in the
 * order they were made: its `stored` view is the guild's settings before the group, with the values of the group's
 * earlier writes to that guild and its own laid over them. Two writes of one group to the same namespace store the
 * later value, which is what two commits in that order would have left. That order holds within one statement: a
 * turn with more than {@link GROUP_COMMIT_MAX} writes sends several statements at once, which take the rows' locks
 * in whatever order they reach them, like any concurrent writes. When PostgreSQL refuses the group's statement (one
 * unknown guild is enough, all or nothing), nothing of it was stored and each write runs again on its own, one after
 * another in call order, so each caller gets its own outcome and no write fails because of another's.
 *
 * Batched with `createTurnBatcher`: every call is its own write, none is ever answered from an earlier one.
 */
function createGroupCommit(db: Database, guildUnknown: (error: unknown, guildId: string, namespaces: string[]) => unknown) {
  async function alone({ guildId, values, audit }: PendingWrite): Promise<WriteManyResult> {
    try {
      const params = writeManyParams(guildId, values, audit);
      return storedResult(await againAfterDeadlock(() => preparedQuery<StoredRow>(db, 'settings.write-many', WRITE_MANY_SQL, params)));
    } catch (error) {
      throw guildUnknown(error, guildId, Object.keys(values));
    }
  }

  return createTurnBatcher<PendingWrite, WriteManyResult>(
    async (writes) => {
      if (writes.length === 1) return [await alone(writes[0]!).catch(toError)];
      const rows = await preparedQuery<GroupRow>(db, 'settings.write-group', WRITE_GROUP_SQL, [
        JSON.stringify(writes.map(({ guildId, values }) => ({ guildId, values }))),
        JSON.stringify(writes.flatMap(({ audit }) => audit.map(auditLogRow))),
      ]);
      return groupAnswers(writes, rows);
    },
    // Only when PostgreSQL refused the statement for its data or aborted it: then nothing of the group was stored.
    // A connection lost meanwhile leaves the commit unknown, and running the writes again could store them twice.
    { maxBatchSize: GROUP_COMMIT_MAX, alone, aloneAfter: refusedByServer },
  );
}

/**
 * Whether PostgreSQL answered that it refused a statement for what it was given (SQLSTATE class 22, data exception;
 * 23, integrity constraint violation) or aborted it (40: deadlock, serialization failure): an autocommitted statement
 * refused so stored nothing, and running its parts again is safe.
 */
function refusedByServer(error: unknown): boolean {
  return /^(22|23|40)/.test(sqlState(error) ?? '');
}

/** The SQLSTATE of an error PostgreSQL answered (pg's `error.code`), or `undefined` for any other error. */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * A row of {@link WRITE_GROUP_SQL}: `write` gives write `ord` its guild as PostgreSQL reads the id, `given` a value
 * write `ord` stored, `before` a row of that guild as the group's snapshot saw it.
 */
interface GroupRow {
  kind: 'write' | 'given' | 'before';
  ord: number | null;
  guild_id: string;
  setting_key: string | null;
  setting_value: Record<string, unknown> | null;
}

/** Each write's answer: the guild's stored settings before the group, then the group's writes to it up to this one. */
function groupAnswers(writes: readonly PendingWrite[], rows: readonly GroupRow[]): WriteManyResult[] {
  const guildOf: string[] = [];
  const given = writes.map(() => ({}) as Record<string, Record<string, unknown>>);
  const current = new Map<string, Record<string, Record<string, unknown>>>();
  for (const row of rows) {
    if (row.kind === 'write') guildOf[row.ord! - 1] = row.guild_id;
    else if (row.kind === 'given') given[row.ord! - 1]![row.setting_key!] = row.setting_value!;
    else current.set(row.guild_id, { ...current.get(row.guild_id), [row.setting_key!]: row.setting_value! });
  }
  return writes.map((_, index) => {
    const guild = guildOf[index]!;
    const settings = { ...current.get(guild), ...given[index] };
    current.set(guild, settings);
    return { written: true, stored: { ...settings } };
  });
}

// The group commit's one statement. $1: the writes in order, `[{ guildId, values }]`; $2: every audit row. The
// upserts store the last value each write of the group gave a (guild, namespace), in the order writeMany and the
// conditional write lock rows (guild, then key length, then bytes), so two groups cannot deadlock on each other.
// The statement returns each write's values as PostgreSQL stores them (its canonical jsonb, which the revision
// hashes), each write's guild id as PostgreSQL reads it, and the involved guilds' rows as its snapshot saw them
// before the group: every statement of a WITH sees the same snapshot, so the final select does not see the upserts.
const WRITE_GROUP_SQL = `with "input" as (
     select "w"."ord"::int as "ord", ("w"."item"->>'guildId')::bigint as "guild_id", "w"."item"->'values' as "values"
       from jsonb_array_elements($1::jsonb) with ordinality as "w"("item", "ord")
   ), "latest" as (
     select distinct on ("input"."guild_id", octet_length("entry"."key"), "entry"."key" collate "C")
            "input"."guild_id", "entry"."key", "entry"."value"
       from "input", jsonb_each("input"."values") as "entry"("key", "value")
      order by "input"."guild_id", octet_length("entry"."key"), "entry"."key" collate "C", "input"."ord" desc
   ), "written" as (
     insert into "guild_settings" ("guild_id", "setting_key", "setting_value")
     select "guild_id", "key", "value" from "latest"
     on conflict ("guild_id", "setting_key") do update set
       "setting_value" = excluded."setting_value",
       "updated_at" = now()
   ), "audited" as (
     insert into "audit_log" ("guild_id", "actor_user_id", "action", "target", "before", "after", "metadata")
     select ("e"->>'guildId')::bigint, ("e"->>'actorUserId')::bigint, "e"->>'action', "e"->>'target',
            nullif("e"->'before', 'null'::jsonb), nullif("e"->'after', 'null'::jsonb), nullif("e"->'metadata', 'null'::jsonb)
       from jsonb_array_elements($2::jsonb) with ordinality as "a"("e", "n")
      order by "n"
   )
   select 'write' as "kind", "ord", "guild_id"::text as "guild_id", null as "setting_key", null::jsonb as "setting_value" from "input"
   union all
   select 'given', "input"."ord", "input"."guild_id"::text, "entry"."key", "entry"."value"
     from "input", jsonb_each("input"."values") as "entry"("key", "value")
   union all
   select 'before', null, "guild_id"::text, "setting_key", "setting_value" from "guild_settings"
    where "guild_id" in (select "guild_id" from "input")`;
