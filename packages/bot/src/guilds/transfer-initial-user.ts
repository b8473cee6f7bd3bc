import { appendAuditLog, transferInitialGrant } from '@baseline/core';
import { announceAccessChange } from './announce-access-change.js';
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
  const outcome = await transferInitialGrant(db, guildId, to);
  if (!outcome.changed) return false;
  const previous = outcome.previous ?? from ?? null;
  await appendAuditLog(db, {
    guildId,
    actorUserId: null,
    action: 'access.initial-transfer',
    target: to,
    before: { user_id: previous },
    after: { user_id: to },
    metadata: { reason },
  });
  logger.info({ guild_id: guildId, user_id: to, previous_user_id: previous, reason }, `initial authorized user transferred: ${reason}`);
  await announceAccessChange(services, guildId, previous === null ? [] : [previous]);
  return true;
}
