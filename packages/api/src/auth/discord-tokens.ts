import type { KeyValueStore } from '@baseline/core';
import type { DiscordRest, DiscordTokenGrant } from '../discord/discord-rest.js';
import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';
import type { Caller } from './caller.js';
import type { SessionStore } from './session-store.js';
import type { TokenCipher } from './token-cipher.js';

/** A user's Discord tokens, as sealed in the session. */
export interface DiscordTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Refresh this long before Discord's expiry, so a token never expires mid-request. */
const REFRESH_MARGIN_MS = 60_000;

export function tokensFromGrant(grant: DiscordTokenGrant): DiscordTokens {
  return { accessToken: grant.access_token, refreshToken: grant.refresh_token, expiresAt: Date.now() + grant.expires_in * 1000 };
}

/**
 * Returns a valid Discord access token for the caller, refreshing it when it expires. The refresh runs under a
 * key-value lock per session, so two instances never spend the same (single-use) refresh token. `onRefresh` hears
 * of every refresh (the stored command-permissions grant follows its session's rotation through it).
 */
export async function accessTokenOf(
  caller: Caller,
  deps: {
    kv: KeyValueStore;
    sessions: SessionStore;
    cipher: TokenCipher;
    discord: DiscordRest;
    onRefresh?: (userId: string, previous: DiscordTokens, next: DiscordTokens) => Promise<void>;
  },
): Promise<string> {
  const current = unseal(caller.session.tokens, deps.cipher);
  if (current.expiresAt - REFRESH_MARGIN_MS > Date.now()) return current.accessToken;
  return deps.kv.withLock(
    `${deps.sessions.keyOf(caller.sessionId)}:refresh`,
    15_000,
    async () => {
      const latest = (await deps.sessions.read(caller.sessionId)) ?? caller.session;
      const tokens = unseal(latest.tokens, deps.cipher);
      if (tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) {
        caller.session = latest;
        return tokens.accessToken;
      }
      const refreshed = tokensFromGrant(await deps.discord.refresh(tokens.refreshToken));
      caller.session = { ...latest, tokens: deps.cipher.encrypt(JSON.stringify(refreshed)) };
      await deps.sessions.update(caller.sessionId, caller.session);
      await deps.onRefresh?.(caller.userId, tokens, refreshed);
      return refreshed.accessToken;
    },
    { waitMs: 10_000 },
  );
}

export function unseal(sealed: string, cipher: TokenCipher): DiscordTokens {
  const plaintext = cipher.decrypt(sealed);
  if (plaintext === undefined) throw new ApiError(API_ERROR_CODES.unauthenticated, 'the session is no longer valid; sign in again', { status: 401 });
  return JSON.parse(plaintext) as DiscordTokens;
}
