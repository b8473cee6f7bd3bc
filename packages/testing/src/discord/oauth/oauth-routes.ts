import { Permission } from '../permissions.js';
import { guildPayload } from '../state/payloads.js';
import { OAuthError } from './oauth-error.js';
import type { RouteDefinition, RouteRequest, RouteResponse } from '../rest/route.js';
import { authorizePage } from './authorize-page.js';
import type { OAuthGrant } from './oauth-store.js';

function redirectWith(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

function htmlError(message: string): RouteResponse {
  return { status: 400, html: `<!doctype html><title>OAuth2 error</title><h1>Invalid OAuth2 request</h1><p>${message}</p>` };
}

/**
 * `/oauth2/authorize` (served at `/oauth2`, `/api/oauth2` and `/api/v10/oauth2`): a user picker, or straight
 * approval as `oauth.autoApproveUserId` or the `user_id` query parameter (an emulator extension). Scope
 * `bot` installs the bot in `guild_id` with `permissions`, recorded as BOT_ADD by the approving user.
 */
function authorize(request: RouteRequest): RouteResponse {
  const { core, query } = request;
  const { ctx } = core;
  if (query.get('client_id') !== ctx.application.id) return htmlError('Unknown client_id.');
  const scopes = (query.get('scope') ?? '').split(/[ +]/).filter(Boolean);
  if (scopes.length === 0) return htmlError('No scope given.');
  const redirectUri = query.get('redirect_uri');
  const state = query.get('state');
  const install = scopes.includes('bot');
  const codeFlow = query.get('response_type') === 'code';
  if (codeFlow && !redirectUri) return htmlError('redirect_uri is required.');
  if (redirectUri && ctx.options.redirectUris.length > 0 && !ctx.options.redirectUris.includes(redirectUri)) {
    return htmlError('Invalid redirect_uri.');
  }
  if (query.get('deny') === '1') {
    if (!redirectUri) return { html: '<!doctype html><title>Cancelled</title><p>Authorization cancelled.</p>' };
    return { redirect: redirectWith(redirectUri, { error: 'access_denied', error_description: 'The resource owner denied the request', state }) };
  }
  const userId = query.get('user_id') ?? ctx.options.oauth.autoApproveUserId;
  const user = userId ? ctx.state.findUser(userId) : undefined;
  if (!user) {
    const base = new URL(`http://x${request.path}`);
    const withParam = (key: string, value: string) => {
      const params = new URLSearchParams(query);
      params.set(key, value);
      return `${base.pathname}?${params.toString()}`;
    };
    const users = [...ctx.state.users.values()].filter((candidate) => !candidate.bot);
    return {
      html: authorizePage({ appName: ctx.application.name, scopes, users, approveUrl: (id) => withParam('user_id', id), denyUrl: withParam('deny', '1') }),
    };
  }
  let guildId: string | null = null;
  if (install) {
    guildId = query.get('guild_id');
    const guild = guildId ? ctx.state.guilds.get(guildId) : undefined;
    if (!guild) return htmlError('guild_id must name an emulated guild.');
    if ((ctx.state.basePermissions(guild, user.id) & Permission.ManageGuild) === 0n) {
      return htmlError(`${user.username} lacks MANAGE_GUILD in ${guild.name}.`);
    }
    core.botMembership.botJoin(guild.id, { addedBy: user.id, ...(query.get('permissions') ? { permissions: query.get('permissions')! } : {}) });
  }
  if (!codeFlow || !redirectUri) return { html: `<!doctype html><title>Authorized</title><p id="authorized">Authorized as ${user.username}.</p>` };
  const code = core.oauth.createCode(user.id, scopes, redirectUri, guildId);
  return {
    redirect: redirectWith(redirectUri, { code, state, guild_id: guildId, permissions: install ? query.get('permissions') : null }),
  };
}

/** Client authentication from HTTP Basic or the form body. */
function authenticateClient(request: RouteRequest, form: Record<string, string>): void {
  const { application } = request.core.ctx;
  let clientId = form['client_id'];
  let secret = form['client_secret'];
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (clientId !== application.id || secret !== application.clientSecret) throw new OAuthError(401, 'invalid_client', 'Invalid client credentials');
}

function formBody(request: RouteRequest): Record<string, string> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new OAuthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
  }
  return (request.body ?? {}) as Record<string, string>;
}

function tokenResponse(request: RouteRequest, grant: OAuthGrant): Record<string, unknown> {
  const body: Record<string, unknown> = {
    access_token: grant.accessToken,
    token_type: 'Bearer',
    expires_in: request.core.ctx.options.oauth.accessTokenLifetimeSeconds,
    scope: grant.scopes.join(' '),
  };
  if (grant.refreshToken) body['refresh_token'] = grant.refreshToken;
  const guild = grant.guildId ? request.core.ctx.state.guilds.get(grant.guildId) : undefined;
  if (guild) body['guild'] = guildPayload(request.core.ctx.state, guild);
  return body;
}

/** OAuth2: authorize, token (authorization_code, refresh_token, client_credentials) and revoke. */
export const oauthRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/oauth2/authorize', auth: 'none', handle: authorize },
  {
    method: 'POST',
    path: '/oauth2/token',
    auth: 'none',
    handle: (request) => {
      const form = formBody(request);
      authenticateClient(request, form);
      const { oauth } = request.core;
      switch (form['grant_type']) {
        case 'authorization_code':
          if (!form['code']) throw new OAuthError(400, 'invalid_request', 'Missing "code"');
          return { body: tokenResponse(request, oauth.exchangeCode(form['code'], form['redirect_uri'] ?? null)) };
        case 'refresh_token':
          if (!form['refresh_token']) throw new OAuthError(400, 'invalid_request', 'Missing "refresh_token"');
          return { body: tokenResponse(request, oauth.refresh(form['refresh_token'])) };
        case 'client_credentials':
          return { body: tokenResponse(request, oauth.clientCredentials((form['scope'] ?? 'identify').split(' ').filter(Boolean))) };
        default:
          throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type "${form['grant_type'] ?? ''}"`);
      }
    },
  },
  {
    method: 'POST',
    path: '/oauth2/token/revoke',
    auth: 'none',
    handle: (request) => {
      const form = formBody(request);
      authenticateClient(request, form);
      if (!form['token']) throw new OAuthError(400, 'invalid_request', 'Missing "token"');
      request.core.oauth.revoke(form['token']);
      return { status: 200, body: {} };
    },
  },
];
