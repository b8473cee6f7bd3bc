import type { Caller } from '../../src/auth/caller.js';

/** A signed-in caller for unit tests of the request pipeline's steps; no session exists behind it. */
export function testCaller(userId: string, options: { isDeveloper?: boolean; csrfToken?: string } = {}): Caller {
  const isDeveloper = options.isDeveloper ?? false;
  return {
    userId,
    sessionId: `session-${userId}`,
    isDeveloper,
    accessVersion: '',
    session: {
      user: { id: userId, username: userId, globalName: null, avatar: null },
      tokens: '',
      csrfToken: options.csrfToken ?? '',
      developer: isDeveloper,
      developerCheckedAt: 0,
      createdAt: 0,
      expiresAt: 0,
    },
  };
}
