import { appendAuditLog, revokeLeavingMember } from '@baseline/core';
import { announceAccessChange } from './announce-access-change.js';
import type { GuildTrackingServices } from './record-guild-join.js';
import { transferInitialUser } from './transfer-initial-user.js';

/** A member who left (or was kicked from) a guild. */
export interface MemberLeave {
  readonly guildId: string;
  readonly userId: string;
  /** The guild's owner now: becomes the initial authorized user when the leaving member was it. */
  readonly ownerId: string | undefined;
}

/** What {@link recordMemberLeave} changed. */
export type MemberLeaveOutcome = 'none' | 'revoked' | 'revoked-initial';

const REASON = 'the member left the guild';

/**
 * Revokes the dashboard access of a member who left a guild: their active `authorized_users` row gets
 * `is_active = false`, `revoked_at = now()` and no revoker (the system did it), recorded as `access.revoke` in
 * the audit log. When they were the initial authorized user, the guild owner becomes it
 * (`access.initial-transfer`). A member without an active grant changes nothing. The revocation bumps the access
 * versions of the guild and the member, so every API instance refuses them from its next request.
 *
 * @param services - `db`, `kv` and `logger` of the services container
 */
export async function recordMemberLeave(services: GuildTrackingServices, { guildId, userId, ownerId }: MemberLeave): Promise<MemberLeaveOutcome> {
  const { db, logger } = services;
  const revoked = await revokeLeavingMember(db, guildId, userId);
  if (revoked === undefined) return 'none';
  await appendAuditLog(db, {
    guildId,
    actorUserId: null,
    action: 'access.revoke',
    target: userId,
    before: { is_active: true, is_initial: revoked.wasInitial },
    after: { is_active: false, is_initial: false, revoked_by_user_id: null },
    metadata: { reason: REASON },
  });
  logger.info({ guild_id: guildId, user_id: userId, was_initial: revoked.wasInitial, reason: REASON }, 'dashboard access revoked: the member left the guild');
  await announceAccessChange(services, guildId, [userId]);
  if (!revoked.wasInitial) return 'revoked';
  if (ownerId === undefined || ownerId === userId) {
    logger.warn(
      { guild_id: guildId, user_id: userId },
      'the initial authorized user left and the guild owner is unknown: the guild has no initial user until the bot is re-added',
    );
    return 'revoked-initial';
  }
  await transferInitialUser(services, { guildId, to: ownerId, from: userId, reason: 'the initial authorized user left the guild; the owner stands in' });
  return 'revoked-initial';
}
