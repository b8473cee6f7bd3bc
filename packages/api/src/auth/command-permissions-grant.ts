import { deleteUserOAuthGrant, findUserOAuthGrant, replaceUserOAuthTokens, saveUserOAuthGrant, type Database, type KeyValueStore } from '@baseline/core';
import type { DiscordRest, DiscordTokenGrant } from '../discord/discord-rest.js';
import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';
import { tokensFromGrant, type DiscordTokens } from './discord-tokens.js';
import type { TokenCipher } from './token-cipher.js';

/** The OAuth2 scope that lets a user's token edit the bot's command permissions in guilds they manage. */
export const COMMAND_PERMISSIONS_SCOPE = 'applications.commands.permissions.update';

/** Refresh this long before Discord's expiry, as sessions do. */
const REFRESH_MARGIN_MS = 60_000;

/** What reading or refreshing the stored grant needs. */
export interface StoredGrantDeps {
  db: Database;
  kv: KeyValueStore;
  cipher: TokenCipher;
  discord: DiscordRest;
}

const grantsScope = (scopes: string) => scopes.split(' ').includes(COMMAND_PERMISSIONS_SCOPE);

/**
 * After a login: stores the grant, sealed, when it allows editing command permissions; otherwise deletes an older
 * stored grant, so the latest login decides what baseline may do.
 */
export async function rememberLoginGrant(
  deps: Pick<StoredGrantDeps, 'db' | 'cipher'>,
  userId: string,
  grant: DiscordTokenGrant,
  tokens: DiscordTokens,
): Promise<void> {
  if (!grantsScope(grant.scope ?? '')) {
    await deleteUserOAuthGrant(deps.db, userId);
    return;
  }
  await saveUserOAuthGrant(deps.db, { userId, sealedTokens: deps.cipher.encrypt(JSON.stringify(tokens)), scopes: grant.scope });
}

/**
 * A session refreshed its tokens. Discord's refresh rotates the pair and ends the old one, so when the stored grant
 * is that session's grant (same refresh token) the stored copy takes the new pair too.
 */
export async function followSessionRefresh(
  deps: Pick<StoredGrantDeps, 'db' | 'cipher'>,
  userId: string,
  previous: DiscordTokens,
  next: DiscordTokens,
): Promise<void> {
  const row = await findUserOAuthGrant(deps.db, userId);
  const stored = row === undefined ? undefined : unsealTokens(deps.cipher, row.sealedTokens);
  if (row === undefined || stored?.refreshToken !== previous.refreshToken) return;
  await replaceUserOAuthTokens(deps.db, userId, row.sealedTokens, deps.cipher.encrypt(JSON.stringify(next)));
}

/** The stored grant's tokens while it allows editing command permissions; `undefined` otherwise. */
export async function storedCommandPermissionsTokens(deps: Pick<StoredGrantDeps, 'db' | 'cipher'>, userId: string): Promise<DiscordTokens | undefined> {
  const row = await findUserOAuthGrant(deps.db, userId);
  if (row === undefined || !grantsScope(row.scopes)) return undefined;
  return unsealTokens(deps.cipher, row.sealedTokens);
}

/**
 * A valid access token of the user's stored grant that may edit command permissions, refreshed when it is about
 * to expire (under a key-value lock per user, so two instances never spend the same single-use refresh token).
 * `undefined` when there is no such grant, it was sealed with another `API_SECRET_KEY`, or Discord refuses to
 * refresh it (the row is then deleted: only a new login can bring it back).
 */
export async function commandPermissionsToken(deps: StoredGrantDeps, userId: string): Promise<string | undefined> {
  const current = await storedCommandPermissionsTokens(deps, userId);
  if (current === undefined) return undefined;
  if (current.expiresAt - REFRESH_MARGIN_MS > Date.now()) return current.accessToken;
  return deps.kv.withLock(
    `oauth-grant:${userId}:refresh`,
    15_000,
    async () => {
      const row = await findUserOAuthGrant(deps.db, userId);
      const latest = row === undefined ? undefined : unsealTokens(deps.cipher, row.sealedTokens);
      if (row === undefined || latest === undefined) return undefined;
      if (latest.expiresAt - REFRESH_MARGIN_MS > Date.now()) return latest.accessToken;
      let refreshed: DiscordTokens;
      try {
        refreshed = tokensFromGrant(await deps.discord.refresh(latest.refreshToken));
      } catch (error) {
        if (error instanceof ApiError && error.code === API_ERROR_CODES.oauthFailed) {
          await deleteUserOAuthGrant(deps.db, userId);
          return undefined;
        }
        throw error;
      }
      await replaceUserOAuthTokens(deps.db, userId, row.sealedTokens, deps.cipher.encrypt(JSON.stringify(refreshed)));
      return refreshed.accessToken;
    },
    { waitMs: 10_000 },
  );
}

function unsealTokens(cipher: TokenCipher, sealed: string): DiscordTokens | undefined {
  const plaintext = cipher.decrypt(sealed);
  return plaintext === undefined ? undefined : (JSON.parse(plaintext) as DiscordTokens);
}
