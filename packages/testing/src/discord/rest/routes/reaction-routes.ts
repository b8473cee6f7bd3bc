import { parseEmoji } from '../../driver/reaction-actions.js';
import { Permission } from '../../permissions.js';
import { userPayload } from '../../state/payloads.js';
import type { RouteDefinition, RouteRequest } from '../route.js';
import { botMessage, intParam, requireBotPermission } from './route-helpers.js';

const BASE = '/channels/:channel_id/messages/:message_id/reactions';

/** The message of the request, after the bot's READ_MESSAGE_HISTORY (and `extra`) were checked in guilds. */
function target({ core, params }: RouteRequest, extra = 0n) {
  const found = botMessage(core, params['channel_id'], params['message_id']);
  if (found.guild) requireBotPermission(core, found.guild, Permission.ReadMessageHistory | extra, found.channel);
  return found;
}

/** Reactions: the bot's own, other users' (MANAGE_MESSAGES), listing who reacted, clearing. */
export const reactionRoutes: RouteDefinition[] = [
  {
    method: 'PUT',
    path: `${BASE}/:emoji/@me`,
    auth: 'bot',
    handle: (request) => {
      const { core, params } = request;
      const emoji = parseEmoji(params['emoji']!);
      const { guild, channel, message } = target(request);
      // Adding a new emoji needs ADD_REACTIONS; joining an existing reaction does not.
      if (guild && !core.reactions.find(message, emoji.key)) requireBotPermission(core, guild, Permission.AddReactions, channel);
      core.reactions.add(message, core.ctx.state.botUserId, emoji);
      return {};
    },
  },
  {
    method: 'DELETE',
    path: `${BASE}/:emoji/@me`,
    auth: 'bot',
    handle: (request) => {
      const { message } = target(request);
      request.core.reactions.remove(message, request.core.ctx.state.botUserId, parseEmoji(request.params['emoji']!).key);
      return {};
    },
  },
  {
    method: 'DELETE',
    path: `${BASE}/:emoji/:user_id`,
    auth: 'bot',
    handle: (request) => {
      const { params, core } = request;
      const own = params['user_id'] === core.ctx.state.botUserId;
      const { message } = target(request, own ? 0n : Permission.ManageMessages);
      core.reactions.remove(message, params['user_id']!, parseEmoji(params['emoji']!).key);
      return {};
    },
  },
  {
    method: 'GET',
    path: `${BASE}/:emoji`,
    auth: 'bot',
    handle: (request) => {
      const { core, params, query } = request;
      const { message } = target(request);
      const limit = intParam(query, 'limit', 25, 1, 100);
      const after = BigInt(query.get('after') ?? '0');
      const ids = [...(core.reactions.find(message, parseEmoji(params['emoji']!).key)?.userIds ?? [])]
        .filter((id) => BigInt(id) > after)
        .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
        .slice(0, limit);
      return { body: ids.flatMap((id) => (core.ctx.state.users.has(id) ? [userPayload(core.ctx.state.users.get(id)!)] : [])) };
    },
  },
  {
    method: 'DELETE',
    path: `${BASE}/:emoji`,
    auth: 'bot',
    handle: (request) => {
      const { message } = target(request, Permission.ManageMessages);
      request.core.reactions.removeEmoji(message, parseEmoji(request.params['emoji']!).key);
      return {};
    },
  },
  {
    method: 'DELETE',
    path: BASE,
    auth: 'bot',
    handle: (request) => {
      const { message } = target(request, Permission.ManageMessages);
      request.core.reactions.removeAll(message);
      return {};
    },
  },
];
