import type { Database } from '../create-database.js';

/** What {@link eraseBaselineUserData} changed in baseline's tables, by table. */
export interface BaselineUserDataErasure {
  /** The user's grants, active and revoked, deleted. */
  readonly authorized_users: number;
  /** Grants given or revoked by the user: the user's id removed from them. */
  readonly authorized_users_actor: number;
  /** Guilds the user added the bot to: `added_by_user_id` cleared. */
  readonly guilds: number;
  /**
   * LLM usage rows anonymised (`user_id` cleared); costs, tokens and guilds stay, so totals are unchanged. The daily
   * rollups of `llm_usage` hold no user id, and clearing one moves none of their sums, so they are left as they are.
   */
  readonly llm_usage: number;
  /** Audit entries by or about the user: actor, target and row snapshots cleared; the action and time stay. */
  readonly audit_log: number;
  /** The user's stored Discord OAuth2 grant (sealed tokens for command permissions) deleted. */
  readonly user_oauth_grants: number;
}

/**
 * Erases one user from baseline's tables in one transaction: their dashboard grants and stored Discord OAuth2 grant
 * are deleted; every other row
 * that names them keeps its facts without the id (usage rows keep their costs, so totals stay right).
 * Running it again changes nothing and reports zeros.
 */
export async function eraseBaselineUserData(db: Database, userId: string): Promise<BaselineUserDataErasure> {
  return db.fork().transactional(async (em) => {
    const run = async (sql: string, uses: number) =>
      Number(
        (
          await em.execute<{ affectedRows?: number }>(
            sql,
            Array.from({ length: uses }, () => userId),
            'run',
          )
        ).affectedRows ?? 0,
      );
    return {
      authorized_users: await run('delete from "authorized_users" where "user_id" = ?', 1),
      authorized_users_actor: await run(
        `update "authorized_users" set
           "granted_by_user_id" = nullif("granted_by_user_id", ?::bigint),
           "revoked_by_user_id" = nullif("revoked_by_user_id", ?::bigint)
         where ?::bigint in ("granted_by_user_id", "revoked_by_user_id")`,
        3,
      ),
      guilds: await run('update "guilds" set "added_by_user_id" = null where "added_by_user_id" = ?', 1),
      llm_usage: await run('update "llm_usage" set "user_id" = null where "user_id" = ?', 1),
      // Entries about the user (grants, revocations) hold the grant row in before/after: cleared with the target.
      audit_log: await run(
        `update "audit_log" set
           "actor_user_id" = nullif("actor_user_id", ?::bigint),
           "before" = case when "target" = ? then null else "before" end,
           "after" = case when "target" = ? then null else "after" end,
           "target" = case when "target" = ? then null else "target" end
         where "actor_user_id" = ?::bigint or "target" = ?`,
        6,
      ),
      user_oauth_grants: await run('delete from "user_oauth_grants" where "user_id" = ?', 1),
    };
  });
}
