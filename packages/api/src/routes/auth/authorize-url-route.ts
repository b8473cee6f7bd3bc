import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { setOAuthStateCookie } from '../../auth/auth-cookies.js';
import { COMMAND_PERMISSIONS_SCOPE } from '../../auth/command-permissions-grant.js';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';

/** Scopes always asked of Discord: the profile, and the guild list (developer team without a bot token). */
export const OAUTH_SCOPES = 'identify guilds';

export const authorizeUrlRoute = defineRoute({
  method: 'GET',
  url: '/auth/discord/url',
  summary: 'Start a Discord login: the authorize URL with a single-use state',
  description:
    'The state is kept in Redis for a few minutes and bound to this browser by an httpOnly cookie. The scopes are `identify guilds`, plus `applications.commands.permissions.update` unless the API was created with `commandPermissions.requestScope: false`.',
  tags: ['auth'],
  access: 'public',
  responses: { 200: z.object({ url: z.url(), state: z.string() }) },
  errors: { 503: 'Discord login is not configured (`BL_ERR_API_NOT_CONFIGURED`)' },
  async handler({ api, reply }) {
    const { clientId } = api.services.config.discord;
    const redirectUri = api.options.oauth.redirectUri;
    if (!clientId || !redirectUri) {
      throw new ApiError(API_ERROR_CODES.notConfigured, 'Discord login is not configured (DISCORD_CLIENT_ID, DISCORD_REDIRECT_URI)', { status: 503 });
    }
    const state = randomBytes(24).toString('base64url');
    await api.services.kv.set(`oauth-state:${state}`, '1', { ttlMs: api.options.oauth.stateTtlMs });
    setOAuthStateCookie(reply, api.options, state);
    // With `commandPermissions.requestScope`, the login also lets the API hide disabled commands in Discord.
    const scope = api.options.commandPermissions.requestScope ? `${OAUTH_SCOPES} ${COMMAND_PERMISSIONS_SCOPE}` : OAUTH_SCOPES;
    const query = new URLSearchParams({ client_id: clientId, response_type: 'code', scope, redirect_uri: redirectUri, state });
    return { url: `${api.discord.authorizeUrl}?${query}`, state };
  },
});
