import { createHash, randomBytes } from 'node:crypto';
import type { KeyValueStore } from '@baseline/core';

/** The Discord profile kept in a session. */
export interface SessionUser {
  id: string;
  username: string;
  globalName: string | null;
  avatar: string | null;
}

/** What the key-value store holds for one session. Discord tokens are sealed by the token cipher. */
export interface SessionData {
  user: SessionUser;
  /** `TokenCipher.encrypt(JSON.stringify({ accessToken, refreshToken, expiresAt }))`. */
  tokens: string;
  /** Must come back in `X-CSRF-Token` on every cookie-authenticated write. */
  csrfToken: string;
  developer: boolean;
  /** When `developer` was last checked against Discord (epoch ms). */
  developerCheckedAt: number;
  /** After a failed check: not before this time (epoch ms) is Discord asked again; `developer` is kept meanwhile. */
  developerRetryAt?: number;
  /** Failed checks in a row since the last answer, which doubles the wait before the next attempt. */
  developerCheckFailures?: number;
  createdAt: number;
  expiresAt: number;
}

/** Sessions in the key-value store, shared by every API instance. */
export interface SessionStore {
  /** Stores a new session; returns its opaque id (what the cookie carries). */
  create(data: Omit<SessionData, 'createdAt' | 'expiresAt' | 'csrfToken'>): Promise<{ id: string; data: SessionData }>;
  read(id: string): Promise<SessionData | undefined>;
  /**
   * Replaces a session's data, keeping its expiry, only while the session still exists: a request in flight
   * during logout never recreates the session. Returns whether it was updated.
   */
  update(id: string, data: SessionData): Promise<boolean>;
  destroy(id: string): Promise<void>;
  /** The key-value key of a session id (its SHA-256): ids themselves are never stored. */
  keyOf(id: string): string;
  /** {@link SessionStore.keyOf}, or `undefined` for a value that cannot be a session id. */
  keyOfCookie(value: string | undefined): string | undefined;
  /** Whether stored session data is still valid (not past its expiry). */
  isLive(data: SessionData | undefined): data is SessionData;
}

const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Creates the session store. Ids are 32 random bytes; only their SHA-256 is used as a key, so a leaked
 * key-value dump does not yield usable cookies.
 */
export function createSessionStore(kv: KeyValueStore, ttlMs: number): SessionStore {
  const keyOf = (id: string) => `session:${createHash('sha256').update(id).digest('hex')}`;
  return {
    keyOf,
    keyOfCookie: (value) => (value !== undefined && ID_SHAPE.test(value) ? keyOf(value) : undefined),
    isLive: (data): data is SessionData =>
      data !== undefined && typeof data.expiresAt === 'number' && data.expiresAt > Date.now() && typeof data.user?.id === 'string',
    async create(fields) {
      const id = randomBytes(32).toString('base64url');
      const now = Date.now();
      const data: SessionData = { ...fields, csrfToken: randomBytes(24).toString('base64url'), createdAt: now, expiresAt: now + ttlMs };
      await kv.set(keyOf(id), JSON.stringify(data), { ttlMs });
      return { id, data };
    },
    async read(id) {
      if (!ID_SHAPE.test(id)) return undefined;
      const raw = await kv.get(keyOf(id));
      if (raw === undefined) return undefined;
      const data = JSON.parse(raw) as SessionData;
      return data.expiresAt > Date.now() ? data : undefined;
    },
    async update(id, data) {
      if (data.expiresAt <= Date.now()) return false;
      // Conditional and atomic (SET XX KEEPTTL): a session deleted meanwhile stays deleted.
      return kv.setIfExists(keyOf(id), JSON.stringify(data));
    },
    async destroy(id) {
      await kv.del(keyOf(id));
    },
  };
}
