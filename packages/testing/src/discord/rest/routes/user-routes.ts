import { z } from 'zod';
import { channelPayload, memberPayload, userPayload } from '../../state/payloads.js';
import { Errors } from '../api-error.js';
import { defineRoute, type RouteDefinition, type RouteRequest } from '../route.js';
import { botGuild, intParam } from './route-helpers.js';

/** The user behind the request: the bot for a bot token, the grant's user for a bearer token with `scope`. */
function requester(request: RouteRequest, scope: string): string {
  const { auth, core } = request;
  if (auth.kind === 'bot') return core.ctx.application.id;
  if (auth.kind === 'bearer' && auth.grant.scopes.includes(scope)) return auth.grant.userId;
  throw Errors.unauthorized();
}

function applicationPayload(request: RouteRequest): Record<string, unknown> {
  const { application, state } = request.core.ctx;
  const bot = state.users.get(application.id);
  return {
    id: application.id,
    name: application.name,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: application.flags,
    owner: application.ownerId && state.users.get(application.ownerId) ? userPayload(state.users.get(application.ownerId)!) : undefined,
    team: null,
    bot: bot ? userPayload(bot) : undefined,
    approximate_guild_count: state.botGuildIds.size,
    redirect_uris: request.core.ctx.options.redirectUris,
    interactions_endpoint_url: null,
    install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
    integration_types_config: { '0': {} },
  };
}

/** Users, the application, and the current user's guilds. */
export const userRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/users/@me',
    auth: 'user',
    handle: (request) => {
      const user = request.core.ctx.state.users.get(requester(request, 'identify'))!;
      const body = { ...userPayload(user), verified: user.verified } as Record<string, unknown>;
      if (request.auth.kind === 'bot' || (request.auth.kind === 'bearer' && request.auth.grant.scopes.includes('email'))) {
        body['email'] = user.email;
      }
      return { body };
    },
  },
  {
    method: 'GET',
    path: '/users/:user_id',
    auth: 'bot',
    handle: ({ core, params }) => {
      const user = core.ctx.state.users.get(params['user_id']!);
      if (!user) throw Errors.unknownUser();
      return { body: userPayload(user) };
    },
  },
  {
    method: 'GET',
    path: '/users/@me/guilds',
    auth: 'user',
    handle: (request) => {
      const userId = requester(request, 'guilds');
      const { state } = request.core.ctx;
      const limit = intParam(request.query, 'limit', 200, 1, 200);
      const after = request.query.get('after');
      const before = request.query.get('before');
      const withCounts = request.query.get('with_counts') === 'true';
      const ids = userId === state.botUserId ? [...state.botGuildIds] : [...state.guilds.values()].filter((g) => g.members.has(userId)).map((g) => g.id);
      const body = ids
        .filter((id) => (!after || BigInt(id) > BigInt(after)) && (!before || BigInt(id) < BigInt(before)))
        .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
        .slice(0, limit)
        .map((id) => {
          const guild = state.guilds.get(id)!;
          const entry: Record<string, unknown> = {
            id,
            name: guild.name,
            icon: guild.icon,
            banner: null,
            owner: guild.ownerId === userId,
            permissions: state.basePermissions(guild, userId).toString(),
            features: guild.features,
          };
          if (withCounts) {
            entry['approximate_member_count'] = guild.members.size;
            entry['approximate_presence_count'] = 0;
          }
          return entry;
        });
      return { body };
    },
  },
  {
    method: 'GET',
    path: '/users/@me/guilds/:guild_id/member',
    auth: 'bearer',
    handle: (request) => {
      const userId = requester(request, 'guilds.members.read');
      const guild = request.core.ctx.state.guilds.get(request.params['guild_id']!);
      const member = guild?.members.get(userId);
      if (!guild) throw Errors.unknownGuild();
      if (!member) throw Errors.unknownMember();
      return { body: memberPayload(request.core.ctx.state, member) };
    },
  },
  {
    method: 'DELETE',
    path: '/users/@me/guilds/:guild_id',
    auth: 'bot',
    handle: ({ core, params }) => {
      botGuild(core, params['guild_id']);
      core.botMembership.botLeave(params['guild_id']!);
      return {};
    },
  },
  defineRoute({
    method: 'POST',
    path: '/users/@me/channels',
    auth: 'bot',
    body: z.object({ recipient_id: z.string() }),
    handle: ({ core, body }) => {
      const user = core.ctx.state.users.get(body.recipient_id);
      if (!user) throw Errors.unknownUser();
      if (user.bot) throw Errors.cannotMessageUser();
      return { body: channelPayload(core.dms.open(user.id), core.ctx.state) };
    },
  }),
  {
    method: 'GET',
    path: '/applications/@me',
    auth: 'bot',
    handle: (request) => ({ body: applicationPayload(request) }),
  },
  {
    method: 'GET',
    path: '/oauth2/applications/@me',
    auth: 'bot',
    handle: (request) => ({ body: applicationPayload(request) }),
  },
  {
    method: 'GET',
    path: '/oauth2/@me',
    auth: 'bearer',
    handle: (request) => {
      if (request.auth.kind !== 'bearer') throw Errors.unauthorized();
      const { grant } = request.auth;
      const body: Record<string, unknown> = {
        application: { id: request.core.ctx.application.id, name: request.core.ctx.application.name },
        scopes: grant.scopes,
        expires: new Date(grant.expiresAt).toISOString(),
      };
      const user = request.core.ctx.state.users.get(grant.userId);
      if (user && grant.scopes.includes('identify')) body['user'] = userPayload(user);
      return { body };
    },
  },
];
