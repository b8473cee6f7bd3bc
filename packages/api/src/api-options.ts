import type { BaselineConfig, BaselineServices } from '@baseline/core';
import type { DashboardOptions } from './http/serve-dashboard.js';
import type { RateLimitOptions } from './rate-limit/rate-limit-options.js';

/** Sessions and their cookie. */
export interface ApiSessionOptions {
  /**
   * Session lifetime in milliseconds.
   * @default 604_800_000 (7 days)
   */
  ttlMs?: number;
  /**
   * Session cookie name.
   * @default 'bl_session'
   */
  cookieName?: string;
}

/** The Discord login (OAuth2). */
export interface ApiOAuthOptions {
  /**
   * How long an OAuth `state` stays valid, in milliseconds.
   * @default 600_000
   */
  stateTtlMs?: number;
}

/** The developer-team check (members of `MAIN_GUILD_ID`), cached in each session. */
export interface ApiDeveloperTeamOptions {
  /**
   * How long a developer-team answer is trusted before Discord is asked again, in milliseconds.
   * @default 300_000
   */
  checkTtlMs?: number;
  /**
   * After a developer-team check fails (Discord unreachable), how long the session keeps its last answer before
   * Discord is asked again, in milliseconds; doubled after each failure in a row, at most `checkTtlMs`.
   * @default 30_000
   */
  retryMs?: number;
}

/** How long answers are reused; `0` reads them on every request. */
export interface ApiCacheOptions {
  /**
   * Longest time a guild's access facts (active grants, whether the bot is in it) are reused by this process, in
   * milliseconds. Grants and revocations through the API and the bot's guild tracking reach every instance with the
   * next request whatever this is; it only bounds changes written to PostgreSQL by something that does not bump the
   * access versions (see core's `bumpAccessVersions`).
   * @default 10_000
   */
  guildAccessTtlMs?: number;
  /**
   * Longest time one process reuses a user's `GET /guilds` answer, in milliseconds. Grants and revocations through
   * the API and the bot's joins, leaves, rejoins and renames bump the access versions of the users concerned, so they
   * show on every instance with the next request whatever this is; it only bounds changes written to PostgreSQL by
   * something that does not bump them. The developer team's lists are never cached.
   * @default 2_000
   */
  guildListTtlMs?: number;
  /**
   * How long a page of guild members, and a guild's channel and role lists (`GET …/discord`), are cached in the
   * key-value store, in milliseconds.
   * @default 30_000
   */
  membersTtlMs?: number;
}

/** Shard status reports. */
export interface ApiShardOptions {
  /**
   * A shard whose last heartbeat is older than this is reported stale, in milliseconds.
   * @default 30_000
   */
  staleAfterMs?: number;
}

/** The HTTP server itself. */
export interface ApiHttpOptions {
  /**
   * Largest accepted request body in bytes; larger ones answer 413.
   * @default 65_536
   */
  bodyLimit?: number;
  /**
   * Trust `X-Forwarded-*` from these proxies (Fastify's `trustProxy`), so rate limits see client IPs.
   * @default false
   */
  trustProxy?: boolean | string | string[];
  /**
   * Log one line per request (method, route, status, duration) at `info`.
   * @default true
   */
  logRequests?: boolean;
}

/** Hiding disabled commands from members through Discord's command permissions. */
export interface ApiCommandPermissionOptions {
  /**
   * Ask for `applications.commands.permissions.update` at dashboard login, so toggling a command off also hides it
   * in Discord (Discord lets only a user's token, of someone with Manage Server and Manage Roles, edit command
   * permissions). Discord lists it on the consent screen as updating the app's command permissions. Off: logins
   * ask for `identify guilds` only; toggles still apply (the bot answers "disabled here") but are not hidden.
   * @default true
   */
  requestScope?: boolean;
}

/** Options of `createApi`, grouped by what they tune; every group and field is optional. */
export interface CreateApiOptions {
  /** The services container from `createServices` (database, key-value store, settings, plugins, config). */
  services: BaselineServices;
  sessions?: ApiSessionOptions;
  oauth?: ApiOAuthOptions;
  developerTeam?: ApiDeveloperTeamOptions;
  caches?: ApiCacheOptions;
  shards?: ApiShardOptions;
  /** Per-user, per-guild, per-IP and global limits; see {@link RateLimitOptions}. */
  rateLimits?: RateLimitOptions;
  http?: ApiHttpOptions;
  commandPermissions?: ApiCommandPermissionOptions;
  /**
   * Count requests for Prometheus and serve them on `GET /metrics` (outside `/api/`; never publish the API's port).
   * @default config.metrics.enabled (METRICS_ENABLED; on unless NODE_ENV=production)
   */
  metrics?: boolean;
  /**
   * Serve the built dashboard (`@baseline/web-kit`) from the API's origin, with an SPA fallback to its
   * `index.html`; unset serves the API only.
   * @example { root: '/app/web/dist' }
   */
  dashboard?: DashboardOptions;
}

/** The options route handlers read, with every default applied (see {@link CreateApiOptions}). */
export interface ResolvedApiOptions {
  sessions: Required<ApiSessionOptions> & { csrfCookieName: string };
  oauth: Required<ApiOAuthOptions> & { redirectUri: string | undefined };
  developerTeam: Required<ApiDeveloperTeamOptions>;
  caches: Required<ApiCacheOptions>;
  shards: Required<ApiShardOptions>;
  rateLimits: RateLimitOptions;
  commandPermissions: Required<ApiCommandPermissionOptions>;
  /** Cookies carry `Secure` (in production). */
  secureCookies: boolean;
}

/** Applies the defaults documented on {@link CreateApiOptions}. */
export function resolveApiOptions(options: Omit<CreateApiOptions, 'services'>, config: BaselineConfig): ResolvedApiOptions {
  return {
    sessions: { ttlMs: options.sessions?.ttlMs ?? 7 * 86_400_000, cookieName: options.sessions?.cookieName ?? 'bl_session', csrfCookieName: 'bl_csrf' },
    oauth: { stateTtlMs: options.oauth?.stateTtlMs ?? 600_000, redirectUri: config.discord.redirectUri },
    developerTeam: { checkTtlMs: options.developerTeam?.checkTtlMs ?? 300_000, retryMs: options.developerTeam?.retryMs ?? 30_000 },
    caches: {
      guildAccessTtlMs: options.caches?.guildAccessTtlMs ?? 10_000,
      guildListTtlMs: options.caches?.guildListTtlMs ?? 2_000,
      membersTtlMs: options.caches?.membersTtlMs ?? 30_000,
    },
    shards: { staleAfterMs: options.shards?.staleAfterMs ?? 30_000 },
    rateLimits: options.rateLimits ?? {},
    commandPermissions: { requestScope: options.commandPermissions?.requestScope ?? true },
    secureCookies: config.isProduction,
  };
}
