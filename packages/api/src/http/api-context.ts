import type { BaselineServices } from '@baseline/core';
import type { FastifyRequest } from 'fastify';
import type { AccessibleGuildsCache } from '../routes/guilds/accessible-guilds-cache.js';
import type { GuildAccessCache } from '../access/guild-access-cache.js';
import type { Caller } from '../auth/caller.js';
import { accessTokenOf } from '../auth/discord-tokens.js';
import { isDeveloperTeamMember } from '../auth/developer-team.js';
import type { SessionHints } from '../auth/session-hints.js';
import type { SessionData, SessionStore } from '../auth/session-store.js';
import type { TokenCipher } from '../auth/token-cipher.js';
import type { DiscordRest } from '../discord/discord-rest.js';
import type { RequestGate } from './request-gate.js';
import type { ResolvedApiOptions } from './resolved-options.js';

/** What every route handler shares: services, Discord, sessions and the resolved options. */
export interface ApiContext {
  readonly services: BaselineServices;
  readonly discord: DiscordRest;
  readonly sessions: SessionStore;
  readonly cipher: TokenCipher;
  readonly gate: RequestGate;
  /** Who each session key belonged to when last read here (for route `prefetch`, never for access). */
  readonly sessionHints: SessionHints;
  /** Guild access facts, cached per process and checked against the version the gate reads. */
  readonly guildAccess: GuildAccessCache;
  /** `GET /guilds` answers, cached per process and checked against the user's access version. */
  readonly accessibleGuilds: AccessibleGuildsCache;
  readonly options: ResolvedApiOptions;
  /**
   * The caller behind a live session. Re-checks developer-team membership against Discord when the cached
   * answer is older than `developerCacheMs`.
   */
  callerOf(request: FastifyRequest, sessionId: string, session: SessionData, accessVersion: string): Promise<Caller>;
  /** A valid Discord access token of the caller (refreshed when expired). */
  accessToken(caller: Caller): Promise<string>;
}

export function createApiContext(parts: Omit<ApiContext, 'callerOf' | 'accessToken'>): ApiContext {
  const { services, discord, sessions, cipher, options } = parts;

  const accessToken = (caller: Caller) => accessTokenOf(caller, { kv: services.kv, sessions, cipher, discord });

  async function refreshDeveloper(caller: Caller): Promise<void> {
    const isDeveloper = await isDeveloperTeamMember(caller.userId, {
      mainGuildId: services.config.discord.mainGuildId,
      discord,
      userAccessToken: () => accessToken(caller),
    });
    caller.isDeveloper = isDeveloper;
    caller.session = { ...caller.session, developer: isDeveloper, developerCheckedAt: Date.now() };
    await sessions.update(caller.sessionId, caller.session);
  }

  return {
    ...parts,
    accessToken,
    async callerOf(request, sessionId, session, accessVersion) {
      const caller: Caller = { userId: session.user.id, sessionId, session, isDeveloper: session.developer, accessVersion };
      if (Date.now() - session.developerCheckedAt >= options.developerCacheMs) {
        try {
          await refreshDeveloper(caller);
        } catch (error) {
          // Discord unreachable: keep the last known answer rather than locking everyone out.
          request.log.warn({ err: error }, 'developer team check failed; using the cached answer');
        }
      }
      return caller;
    },
  };
}
