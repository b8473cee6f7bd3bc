import type { AuthorizedUserRecord } from '@baseline/core';
import { iso } from '../http/schemas.js';

/** An authorized user as the API returns it (and records it in the audit log). */
export interface AuthorizedUserView {
  user_id: string;
  granted_by_user_id: string | null;
  granted_at: string;
  is_active: boolean;
  is_initial: boolean;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
}

/** The API's view of a grant read through core's authorized-user repository. */
export function authorizedUserView(record: AuthorizedUserRecord): AuthorizedUserView {
  return {
    user_id: record.userId,
    granted_by_user_id: record.grantedByUserId,
    granted_at: iso(record.grantedAt),
    is_active: record.isActive,
    is_initial: record.isInitial,
    revoked_at: iso(record.revokedAt),
    revoked_by_user_id: record.revokedByUserId,
  };
}
