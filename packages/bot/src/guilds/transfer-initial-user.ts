import { appendAuditLog } from '@baseline/core';
import { announceAccessChange } from './announce-access-change.js';
import { UPSERT_INITIAL_GRANT_SQL } from './grant-initial-user.js';
import type { GuildTrackingServices } from './record-guild-join.js';

/** Options of {@link transferInitialUser}. */
export interface InitialUserTransfer {
  readonly guildId: string;
  /** The user who becomes the guild's initial authorized user. */
  readonly to: string;
  /** Why, for the log and the audit log (e.g. `the bot was re-added by another user`). */
  readonly reason: string;
  /** The previous initial user when the caller already demoted their row (e.g. they left the guild). */
  readonly from?: string;
}

/**
 * Makes `to` the guild's initial authorized user in one transaction: the previous initial user's row becomes an
 * ordinary grant (it stays as active as it was, and is revocable from now on), and `to` gets an active initial
 * grant. Records `access.initial-transfer` in the audit log with no actor (the system did it), logs it, and bumps
 * the access versions of the guild and both users so every API instance sees it with its next request.
 *
 * @returns whether anything changed (`false` when `to` already was the initial user).
 */
export async function transferInitialUser(services: GuildTrackingServices, { guildId, to, reason, from }: InitialUserTransfer): Promise<boolean> {
  const { db, logger } = services;
  const outcome = await db.fork().transactional(async (em) => {
    const current = await em.execute<{ id: number; user_id: string }[]>(
      `select "id", "user_id"::text as "user_id" from "authorized_users" where "guild_id" = ? and "is_initial" for update`,
      [guildId],
    );
    if (current.some((row) => row.user_id === to)) return { changed: false as const };
    if (current.length > 0) await em.execute(`update "authorized_users" set "is_initial" = false where "id" in (${current.map(() => '?').join(', ')})`, current.map((row) => row.id));
    await em.execute(UPSERT_INITIAL_GRANT_SQL, [guildId, to]);
    return { changed: true as const, previous: current[0]?.user_id ?? from ?? null };
  });
  if (!outcome.changed) return false;
  await appendAuditLog(db, {
    guildId,
    actorUserId: null,
    action: 'access.initial-transfer',
    target: to,
    before: { user_id: outcome.previous },
    after: { user_id: to },
    metadata: { reason },
  });
  logger.info({ guild_id: guildId, user_id: to, previous_user_id: outcome.previous, reason }, `initial authorized user transferred: ${reason}`);
  await announceAccessChange(services, guildId, outcome.previous === null ? [] : [outcome.previous]);
  return true;
}
