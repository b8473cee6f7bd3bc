import { COMMAND_PERMISSIONS_SCOPE, commandPermissionsBody } from '../../driver/command-permissions.js';
import { Permission } from '../../permissions.js';
import type { GuildRecord } from '../../state/records.js';
import { ApiError, Errors } from '../api-error.js';
import { defineRoute, type RouteDefinition, type RouteRequest } from '../route.js';
import { botGuild } from './route-helpers.js';

const base = '/applications/:application_id/guilds/:guild_id/commands';

/** The guild of a permissions route, for this application, with the bot in it. */
function guildOf({ core, params }: RouteRequest): GuildRecord {
  if (params['application_id'] !== core.ctx.application.id) throw Errors.missingAccess();
  return botGuild(core, params['guild_id']);
}

/**
 * Who may edit: only a user's bearer token (a bot token is 403 / 20001) carrying
 * `applications.commands.permissions.update` (403 / 50026), of a member with MANAGE_GUILD and MANAGE_ROLES
 * (owner and ADMINISTRATOR included; 50001 when not a member, 50013 when lacking either).
 */
function requireEditor(request: RouteRequest, guild: GuildRecord): void {
  const { auth } = request;
  if (auth.kind === 'bot') throw new ApiError(403, 20001, 'Bots cannot use this endpoint');
  if (auth.kind !== 'bearer') throw Errors.unauthorized();
  if (!auth.grant.scopes.includes(COMMAND_PERMISSIONS_SCOPE)) throw new ApiError(403, 50026, 'Missing required OAuth2 scope');
  if (!guild.members.has(auth.grant.userId)) throw Errors.missingAccess();
  const needed = Permission.ManageGuild | Permission.ManageRoles;
  if ((request.core.ctx.state.basePermissions(guild, auth.grant.userId) & needed) !== needed) throw Errors.missingPermissions();
}

/**
 * Application command permissions v2: read with a bot or bearer token, written only with a user's bearer token.
 * Discord removed the batch PUT on `.../commands/permissions`; it is not routed here either.
 */
export const commandPermissionRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: `${base}/permissions`,
    auth: 'user',
    handle: (request) => ({ body: request.core.commandPermissions.list(guildOf(request).id) }),
  },
  {
    method: 'GET',
    path: `${base}/:command_id/permissions`,
    auth: 'user',
    handle: (request) => {
      const guild = guildOf(request);
      const targetId = request.params['command_id']!;
      request.core.commandPermissions.target(guild, targetId);
      const found = request.core.commandPermissions.get(guild.id, targetId);
      if (!found) throw new ApiError(404, 10066, 'Unknown application command permissions');
      return { body: found };
    },
  },
  defineRoute({
    method: 'PUT',
    path: `${base}/:command_id/permissions`,
    auth: 'user',
    partial: 'no APPLICATION_COMMAND_PERMISSION_UPDATE audit entry',
    body: commandPermissionsBody,
    handle: (request) => {
      const guild = guildOf(request);
      requireEditor(request, guild);
      return { body: request.core.commandPermissions.set(guild, request.params['command_id']!, request.body.permissions) };
    },
  }),
];
