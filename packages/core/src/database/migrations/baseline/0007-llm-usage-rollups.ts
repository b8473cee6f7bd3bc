import { Migration } from '@mikro-orm/migrations';

/** The sums both rollups carry, in `llm_usage`'s terms: one usage row counts `sign` (1 inserted, -1 removed). */
const SUMS = [
  ['requests', 'sign'],
  ['errors', `case when status = 'error' then sign else 0 end`],
  ['unpriced_requests', `case when metadata->>'unpriced' = 'true' then sign else 0 end`],
  ['prompt_tokens', 'sign * prompt_tokens'],
  ['completion_tokens', 'sign * completion_tokens'],
  ['total_tokens', 'sign * total_tokens'],
  ['cost_usd', 'sign * estimated_cost_usd'],
] as const;

const ROLLUPS = [
  { table: 'llm_usage_daily_totals', keys: ['cog_name', 'provider', 'model'] },
  { table: 'llm_usage_daily_guilds', keys: ['guild_id'] },
] as const;

const DAY = `(created_at at time zone 'UTC')::date`;

/**
 * Adds the rows of `source` (a relation with `llm_usage`'s columns and a `sign` column) to both rollups. Keys whose
 * sums do not move (an update of `user_id` only, as erasure makes) touch no rollup row. Rows are upserted in key
 * order, so two transactions writing the same days lock rollup rows in the same order.
 */
function addTo(source: string): string[] {
  return ROLLUPS.map(({ table, keys }) => {
    const key = ['day', ...keys].join(', ');
    return `insert into "${table}" as r (${key}, ${SUMS.map(([column]) => column).join(', ')})
      select ${DAY} as day, ${keys.join(', ')}, ${SUMS.map(([column, value]) => `sum(${value}) as ${column}`).join(', ')}
        from ${source} group by ${key}
      having ${SUMS.map(([, value]) => `sum(${value}) <> 0`).join(' or ')}
       order by ${key}
      on conflict (${key}) do update set ${SUMS.map(([column]) => `${column} = r.${column} + excluded.${column}`).join(', ')}`;
  });
}

/** Drops rollup rows left with no usage row after `removed` (a transition table) went away: raw sums have no such group. */
function dropEmpty(removed: string): string[] {
  return ROLLUPS.map(({ table, keys }) => {
    const match = keys.map((key) => `r.${key} is not distinct from k.${key}`).join(' and ');
    return `delete from "${table}" r using (select distinct ${DAY} as day, ${keys.join(', ')} from ${removed}) k
      where r.requests = 0 and r.day = k.day and ${match}`;
  });
}

/** Statements as the body of a PL/pgSQL block. */
const block = (statements: string[]): string => statements.map((statement) => `${statement};`).join('\n');

/**
 * Daily rollups of `llm_usage` for the analytics (docs/scaling.md): `llm_usage_daily_totals` per UTC day, cog, provider
 * and model (every all-guild summary and the provider, model and cog breakdowns), `llm_usage_daily_guilds` per UTC day
 * and guild (the by-guild breakdown and the top guilds). Neither holds a user id, so erasing a user's data has nothing
 * to clear in them.
 *
 * Kept current by statement-level triggers on `llm_usage`, in the writing transaction:
 * - whoever writes (the LLM service, a tool, an older process during a rolling deploy) and however (insert, update,
 *   delete, truncate), the rollups equal the raw table's sums at every snapshot;
 * - an insert whose `record_id` is stored already (`on conflict do nothing`) is not in the trigger's transition table,
 *   so a re-delivered batch adds nothing, as it adds no row;
 * - concurrent writers of one key serialize on its rollup row (`insert … on conflict do update` adds to the committed
 *   value), in key order.
 * A watermark refresh of closed days was the alternative: it needs a scheduled job, misses rows written late into a
 * closed day (a buffered flush after midnight, a retry) and leaves the current day to the raw table.
 *
 * The backfill runs after the triggers exist, in the migration's transaction: `create trigger` waits for writes in
 * flight and holds off new ones until commit, so every row is counted once, by the backfill or by a trigger.
 */
export class LlmUsageRollups extends Migration {
  override up(): void {
    const sums = `"requests" bigint not null, "errors" bigint not null, "unpriced_requests" bigint not null,
      "prompt_tokens" bigint not null, "completion_tokens" bigint not null, "total_tokens" bigint not null,
      "cost_usd" numeric(28,10) not null`;
    this.addSql(`create table "llm_usage_daily_totals" (
      "id" bigserial primary key, "day" date not null, "cog_name" varchar(255) null, "provider" varchar(255) not null,
      "model" varchar(255) not null, ${sums}
    )`);
    this.addSql(`create table "llm_usage_daily_guilds" ("id" bigserial primary key, "day" date not null, "guild_id" bigint null, ${sums})`);
    // A null cog or guild is a key of its own, as in `group by` (`nulls not distinct`: PostgreSQL 15 or later).
    this.addSql('create unique index "llm_usage_daily_totals_key" on "llm_usage_daily_totals" ("day", "cog_name", "provider", "model") nulls not distinct');
    this.addSql('create unique index "llm_usage_daily_guilds_key" on "llm_usage_daily_guilds" ("day", "guild_id") nulls not distinct');
    const changed = `select *, 1 as sign from new_rows union all select *, -1 as sign from old_rows`;
    this.addSql(`create function "llm_usage_rollup"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          ${block(addTo('(select *, 1 as sign from new_rows) s'))}
        elsif tg_op = 'UPDATE' then
          ${block([...addTo(`(${changed}) s`), ...dropEmpty('old_rows')])}
        elsif tg_op = 'DELETE' then
          ${block([...addTo('(select *, -1 as sign from old_rows) s'), ...dropEmpty('old_rows')])}
        else
          truncate "llm_usage_daily_totals", "llm_usage_daily_guilds";
        end if;
        return null;
      end $$`);
    // Transition tables allow one event per trigger.
    this.addSql(`create trigger "llm_usage_rollup_insert" after insert on "llm_usage" referencing new table as new_rows
      for each statement execute function "llm_usage_rollup"()`);
    this.addSql(`create trigger "llm_usage_rollup_update" after update on "llm_usage" referencing old table as old_rows new table as new_rows
      for each statement execute function "llm_usage_rollup"()`);
    this.addSql(`create trigger "llm_usage_rollup_delete" after delete on "llm_usage" referencing old table as old_rows
      for each statement execute function "llm_usage_rollup"()`);
    this.addSql(`create trigger "llm_usage_rollup_truncate" after truncate on "llm_usage" for each statement execute function "llm_usage_rollup"()`);
    for (const statement of addTo('(select *, 1 as sign from "llm_usage") s')) this.addSql(statement);
  }

  override down(): void {
    for (const event of ['insert', 'update', 'delete', 'truncate']) this.addSql(`drop trigger if exists "llm_usage_rollup_${event}" on "llm_usage"`);
    this.addSql('drop function if exists "llm_usage_rollup"()');
    this.addSql('drop table if exists "llm_usage_daily_guilds"');
    this.addSql('drop table if exists "llm_usage_daily_totals"');
  }
}
