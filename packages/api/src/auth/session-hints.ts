import { LRUCache } from 'lru-cache';

/** Who a session belonged to when this process last read it. */
export interface SessionHint {
  readonly userId: string;
  readonly developer: boolean;
}

/**
 * The user behind each session key this process has seen, so work that needs only the user can start while the
 * session is still being read. A hint is never trusted for access: the request's own session read decides, and
 * work started for a hint that turns out wrong is thrown away.
 */
export interface SessionHints {
  get(sessionKey: string): SessionHint | undefined;
  remember(sessionKey: string, hint: SessionHint): void;
  /** Drops a hint: the session ended, or its requests are refused and should start no work early. */
  forget(sessionKey: string): void;
}

/**
 * @param maxEntries - most remembered sessions; the least recently used are dropped first.
 */
export function createSessionHints(maxEntries = 10_000): SessionHints {
  const hints = new LRUCache<string, SessionHint>({ max: maxEntries });
  return {
    get: (sessionKey) => hints.get(sessionKey),
    remember(sessionKey, hint) {
      const known = hints.get(sessionKey);
      if (known !== undefined && known.userId === hint.userId && known.developer === hint.developer) return;
      hints.set(sessionKey, { userId: hint.userId, developer: hint.developer });
    },
    forget: (sessionKey) => void hints.delete(sessionKey),
  };
}
