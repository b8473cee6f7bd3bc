import type { RateLimitOptions } from '../rate-limit/rate-limit-options.js';

/** The API's options with every default applied. */
export interface ResolvedApiOptions {
  cookieName: string;
  csrfCookieName: string;
  sessionTtlMs: number;
  oauthStateTtlMs: number;
  developerCacheMs: number;
  developerRetryMs: number;
  guildAccessCacheMs: number;
  guildListCacheMs: number;
  membersCacheMs: number;
  shardStaleAfterMs: number;
  secureCookies: boolean;
  redirectUri: string | undefined;
  commandPermissions: { requestScope: boolean };
  rateLimits: RateLimitOptions;
}
