import type { BaselineServices } from '@baseline/core';
import type { FastifyRequest } from 'fastify';
import type { AccessibleGuildsCache } from '../routes/guilds/accessible-guilds-cache.js';
import type { GuildAccessCache } from '../access/guild-access-cache.js';
import type { Caller } from '../auth/caller.js';
import { followSessionRefresh } from '../auth/command-permissions-grant.js';
import { accessTokenOf, type DiscordTokens } from '../auth/discord-tokens.js';
import { isDeveloperTeamMember } from '../auth/developer-team.js';
import type { SessionHints } from '../auth/session-hints.js';
import type { SessionData, SessionStore } from '../auth/session-store.js';
import type { TokenCipher } from '../auth/token-cipher.js';
import type { DiscordRest } from '../discord/discord-rest.js';
import type { RejectionCounter } from './rejection-counter.js';
import type { RequestGate } from './request-gate.js';
import type { ResolvedApiOptions } from '../api-options.js';

/** What every route handler shares: services, Discord, sessions and the resolved options. */
export interface ApiContext {
  readonly services: BaselineServices;
  readonly discord: DiscordRest;
  readonly sessions: SessionStore;
  readonly cipher: TokenCipher;
  readonly gate: RequestGate;
  /** Counts requests refused before their route's pipeline against the rate limits. */
  readonly rejections: RejectionCounter;
  /** Who each session key belonged to when last read here (for route `prefetch`, never for access). */
  readonly sessionHints: SessionHints;
  /** Guild access facts, cached per process and checked against the version the gate reads. */
  readonly guildAccess: GuildAccessCache;
  /** `GET /guilds` answers, cached per process and checked against the user's access version. */
  readonly accessibleGuilds: AccessibleGuildsCache;
  readonly options: ResolvedApiOptions;
  /**
   * The caller behind a live session. Re-checks developer-team membership against Discord when the cached
   * answer is older than `developerTeam.checkTtlMs`. A failed check keeps the answer and is not retried before a backoff
   * (`developerTeam.retryMs`, doubled per failure in a row, at most `developerTeam.checkTtlMs`), recorded in the session so
   * every instance waits; while a check runs here, the session's other requests use the cached answer.
   */
  callerOf(request: FastifyRequest, sessionId: string, session: SessionData, accessVersion: string): Promise<Caller>;
  /** A valid Discord access token of the caller (refreshed when expired). */
  accessToken(caller: Caller): Promise<string>;
}

export function createApiContext(parts: Omit<ApiContext, 'callerOf' | 'accessToken'>): ApiContext {
  const { services, discord, sessions, cipher, options } = parts;
  // Checks running in this process, by session: a request arriving meanwhile uses the cached answer at once.
  const checking = new Set<string>();

  const onRefresh = (userId: string, previous: DiscordTokens, next: DiscordTokens) => followSessionRefresh({ db: services.db, cipher }, userId, previous, next);
  const accessToken = (caller: Caller) => accessTokenOf(caller, { kv: services.kv, sessions, cipher, discord, onRefresh });

  async function recheckDeveloper(request: FastifyRequest, caller: Caller): Promise<void> {
    const failures = caller.session.developerCheckFailures ?? 0;
    try {
      const isDeveloper = await isDeveloperTeamMember(caller.userId, {
        mainGuildId: services.config.discord.mainGuildId,
        discord,
        userAccessToken: () => accessToken(caller),
      });
      caller.isDeveloper = isDeveloper;
      // Read after the check: a token refresh during it replaced the session's tokens.
      const { developerRetryAt: _retryAt, developerCheckFailures: _failures, ...session } = caller.session;
      caller.session = { ...session, developer: isDeveloper, developerCheckedAt: Date.now() };
    } catch (error) {
      // Discord unreachable: keep the last known answer rather than locking everyone out, and record the attempt
      // so the session's next requests, on every instance, do not each wait on Discord again before the backoff.
      const { checkTtlMs, retryMs } = options.developerTeam;
      const waitMs = Math.min(retryMs * 2 ** Math.min(failures, 20), Math.max(checkTtlMs, retryMs));
      caller.session = { ...caller.session, developerRetryAt: Date.now() + waitMs, developerCheckFailures: failures + 1 };
      request.log.warn({ err: error, retry_in_ms: waitMs }, 'developer team check failed; using the cached answer');
    }
    await sessions.update(caller.sessionId, caller.session);
  }

  return {
    ...parts,
    accessToken,
    async callerOf(request, sessionId, session, accessVersion) {
      const caller: Caller = { userId: session.user.id, sessionId, session, isDeveloper: session.developer, accessVersion };
      const now = Date.now();
      const due = now - session.developerCheckedAt >= options.developerTeam.checkTtlMs && now >= (session.developerRetryAt ?? 0);
      if (due && !checking.has(sessionId)) {
        checking.add(sessionId);
        try {
          await recheckDeveloper(request, caller);
        } finally {
          checking.delete(sessionId);
        }
      }
      return caller;
    },
  };
}
