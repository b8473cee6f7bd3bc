import { z } from 'zod';
import { clearOAuthStateCookie, OAUTH_STATE_COOKIE, setSessionCookies } from '../../auth/auth-cookies.js';
import { rememberLoginGrant } from '../../auth/command-permissions-grant.js';
import { tokensFromGrant } from '../../auth/discord-tokens.js';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { csrfTokenMatches } from '../../http/csrf.js';
import { defineRoute } from '../../http/define-route.js';
import { text } from '../../http/schemas.js';
import { meSchema } from './auth-schemas.js';

export const callbackRoute = defineRoute({
  method: 'POST',
  url: '/auth/discord/callback',
  summary: 'Finish a Discord login: exchange the code and create the session',
  description: 'The state must be one this API issued (single use) to this browser. Sets the httpOnly session cookie and answers what `/auth/me` answers.',
  tags: ['auth'],
  access: 'public',
  body: z.object({ code: text(512, 1), state: text(128, 1) }),
  responses: { 200: meSchema },
  errors: {
    400: 'Unknown, expired, reused or other-browser login state (`BL_ERR_API_OAUTH_STATE`), or Discord refused the code (`BL_ERR_API_OAUTH_FAILED`)',
    502: 'Discord unreachable (`BL_ERR_API_DISCORD_UNAVAILABLE`)',
    503: 'Discord login is not configured (`BL_ERR_API_NOT_CONFIGURED`)',
  },
  async handler({ api, body, request, reply }) {
    const redirectUri = api.options.oauth.redirectUri;
    if (!redirectUri) throw new ApiError(API_ERROR_CODES.notConfigured, 'Discord login is not configured (DISCORD_REDIRECT_URI)', { status: 503 });
    // Consume first, so a state is spent even when the rest fails: a replay never gets a second try.
    const issued = await api.services.kv.getDel(`oauth-state:${body.state}`);
    const bound = request.cookies[OAUTH_STATE_COOKIE];
    clearOAuthStateCookie(reply, api.options);
    // The state is the login's CSRF token: compared with the cookie in constant time, like the session's.
    if (issued === undefined || !csrfTokenMatches(bound, body.state)) {
      throw new ApiError(API_ERROR_CODES.oauthState, 'unknown, expired or already used login state; start the login again', { status: 400 });
    }
    const grant = await api.discord.exchangeCode(body.code, redirectUri);
    const tokens = tokensFromGrant(grant);
    const [profile, guilds] = await Promise.all([api.discord.currentUser(tokens.accessToken), api.discord.currentUserGuilds(tokens.accessToken)]);
    const mainGuildId = api.services.config.discord.mainGuildId;
    const developer = mainGuildId !== undefined && guilds.some((guild) => guild.id === mainGuildId);
    const user = { id: profile.id, username: profile.username, globalName: profile.global_name ?? null, avatar: profile.avatar ?? null };
    await rememberLoginGrant({ db: api.services.db, cipher: api.cipher }, user.id, grant, tokens);
    const { id, data } = await api.sessions.create({
      user,
      tokens: api.cipher.encrypt(JSON.stringify(tokens)),
      developer,
      developerCheckedAt: Date.now(),
    });
    // A login in a browser that still holds a session replaces it: the old id stops working everywhere.
    const previous = request.cookies[api.options.sessions.cookieName];
    if (previous !== undefined && api.sessions.keyOfCookie(previous) !== undefined) await api.sessions.destroy(previous);
    setSessionCookies(reply, api.options, id, data.csrfToken);
    request.log.info({ user_id: user.id, developer }, 'user signed in');
    return {
      user: { id: user.id, username: user.username, global_name: user.globalName, avatar: user.avatar },
      is_developer: developer,
      csrf_token: data.csrfToken,
      guilds: await api.accessibleGuilds.read(user.id, developer),
    };
  },
});
