import type { SessionData } from './session-store.js';

/** The signed-in user behind a request. */
export interface Caller {
  readonly userId: string;
  /** The opaque session id from the cookie. */
  readonly sessionId: string;
  session: SessionData;
  /** Member of `MAIN_GUILD_ID` (checked against Discord, cached in the session). */
  isDeveloper: boolean;
  /** The user's access version read with this request (see core's `bumpAccessVersions`): keys caches of their grants. */
  readonly accessVersion: string;
}
