import { z } from 'zod';
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

/** The token endpoint's grants (RFC 6749 sections 4.1.3, 4.4.2 and 6), each with the fields it requires. */
const tokenGrant = z.discriminatedUnion('grant_type', [
  z.object({ grant_type: z.literal('authorization_code'), code: z.string().min(1), redirect_uri: z.string().optional() }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1) }),
  z.object({ grant_type: z.literal('client_credentials'), scope: z.string().optional() }),
]);

/** The form's grant, or the OAuth error Discord answers: `unsupported_grant_type`, or `invalid_request` naming the missing field. */
function parseGrant(form: Record<string, string>): z.infer<typeof tokenGrant> {
  const parsed = tokenGrant.safeParse(form);
  if (parsed.success) return parsed.data;
  const field = String(parsed.error.issues[0]?.path[0] ?? 'grant_type');
  if (field === 'grant_type') throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type "${form['grant_type'] ?? ''}"`);
  throw new OAuthError(400, 'invalid_request', `Missing "${field}"`);
}

/** The revoke endpoint's form (RFC 7009 section 2.1). */
const revokeForm = z.object({ token: z.string().min(1) });

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
      const grant = parseGrant(form);
      switch (grant.grant_type) {
        case 'authorization_code':
          return { body: tokenResponse(request, oauth.exchangeCode(grant.code, grant.redirect_uri ?? null)) };
        case 'refresh_token':
          return { body: tokenResponse(request, oauth.refresh(grant.refresh_token)) };
        case 'client_credentials':
          return { body: tokenResponse(request, oauth.clientCredentials((grant.scope ?? 'identify').split(' ').filter(Boolean))) };
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
      const revoke = revokeForm.safeParse(form);
      if (!revoke.success) throw new OAuthError(400, 'invalid_request', 'Missing "token"');
      request.core.oauth.revoke(revoke.data.token);
      return { status: 200, body: {} };
    },
  },
];
