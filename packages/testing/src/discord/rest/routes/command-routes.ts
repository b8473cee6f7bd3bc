import { Errors } from '../api-error.js';
import type { RouteDefinition, RouteRequest } from '../route.js';

/** Checks the application id and, for guild scope, that the guild exists; returns the scope. */
function scope({ core, params }: RouteRequest): string | null {
  if (params['application_id'] !== core.ctx.application.id) throw Errors.missingAccess();
  const guildId = params['guild_id'];
  if (guildId === undefined) return null;
  if (!core.ctx.state.guilds.has(guildId)) throw Errors.unknownGuild();
  if (!core.ctx.state.botIsIn(guildId)) throw Errors.missingAccess();
  return guildId;
}

function commandRoutes(base: string): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: base,
      auth: 'user',
      handle: (request) => ({ body: request.core.commands.list(scope(request)).map((command) => command.body) }),
    },
    {
      method: 'POST',
      path: base,
      auth: 'user',
      handle: (request) => {
        const { command, created } = request.core.commands.upsert(scope(request), request.body);
        return { status: created ? 201 : 200, body: command.body };
      },
    },
    {
      method: 'PUT',
      path: base,
      auth: 'user',
      handle: (request) => ({ body: request.core.commands.overwrite(scope(request), request.body).map((command) => command.body) }),
    },
    {
      method: 'GET',
      path: `${base}/:command_id`,
      auth: 'user',
      handle: (request) => ({ body: request.core.commands.get(scope(request), request.params['command_id']!).body }),
    },
    {
      method: 'PATCH',
      path: `${base}/:command_id`,
      auth: 'user',
      handle: (request) => ({ body: request.core.commands.edit(scope(request), request.params['command_id']!, request.body).body }),
    },
    {
      method: 'DELETE',
      path: `${base}/:command_id`,
      auth: 'user',
      handle: (request) => {
        request.core.commands.delete(scope(request), request.params['command_id']!);
        return {};
      },
    },
  ];
}

/** Global and guild application commands. */
export const applicationCommandRoutes: RouteDefinition[] = [
  ...commandRoutes('/applications/:application_id/commands'),
  ...commandRoutes('/applications/:application_id/guilds/:guild_id/commands'),
];
