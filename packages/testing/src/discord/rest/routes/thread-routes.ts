import { z } from 'zod';
import { Permission } from '../../permissions.js';
import { channelPayload, messagePayload, threadMemberPayload } from '../../state/payloads.js';
import type { ChannelRecord } from '../../state/records.js';
import { Errors } from '../api-error.js';
import { defineRoute, type RouteDefinition, type RouteRequest } from '../route.js';
import { omittable } from './form-fields.js';
import { botChannel, botGuild, botMessage, requireBotPermission } from './route-helpers.js';

/** Parent channel types that hold threads: text, announcement, forum, media. */
const THREAD_PARENTS = new Set([0, 5, 15, 16]);

const threadFields = {
  name: z.string().min(1).max(100),
  auto_archive_duration: omittable(z.literal([60, 1440, 4320, 10080])),
};

/** A thread started from a message. */
const messageThreadBody = z.object(threadFields);

/** A thread started without a message: its type, and for a forum post the starter message. */
const threadBody = z.object({
  ...threadFields,
  type: omittable(z.literal([10, 11, 12])),
  invitable: omittable(z.boolean()),
  message: omittable(z.object({ content: omittable(z.string()), embeds: omittable(z.array(z.unknown())), components: omittable(z.array(z.unknown())) })),
});

/** The thread of `:channel_id` (10003 when it is not a thread the bot can see). */
function botThread({ core, params }: RouteRequest): ChannelRecord {
  const { channel } = botChannel(core, params['channel_id']);
  if (!channel.thread) throw Errors.unknownChannel();
  return channel;
}

/** The user of `:user_id` (`@me` = the bot). */
function memberId({ core, params }: RouteRequest): string {
  const id = params['user_id'] ?? '@me';
  return id === '@me' ? core.ctx.state.botUserId : id;
}

/** Starting threads, their members, and the active-thread listing. Edits and deletes go through `/channels/{id}`. */
export const threadRoutes: RouteDefinition[] = [
  defineRoute({
    method: 'POST',
    path: '/channels/:channel_id/messages/:message_id/threads',
    auth: 'bot',
    body: messageThreadBody,
    handle: ({ core, params, body }) => {
      const { channel, guild, message } = botMessage(core, params['channel_id'], params['message_id']);
      if (!guild || !THREAD_PARENTS.has(channel.type)) throw Errors.invalidForm('channel_id', 'CHANNEL_TYPE_INVALID', 'Cannot start a thread here');
      requireBotPermission(core, guild, Permission.CreatePublicThreads, channel);
      const thread = core.threads.start({
        guild,
        parent: channel,
        ownerId: core.ctx.state.botUserId,
        name: body.name,
        type: channel.type === 5 ? 10 : 11,
        ...(body.auto_archive_duration === undefined ? {} : { autoArchiveDuration: body.auto_archive_duration }),
        message,
      });
      return { status: 201, body: channelPayload(thread) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/channels/:channel_id/threads',
    auth: 'bot',
    partial: 'forum posts without tags; the starter message gets its own id',
    body: threadBody,
    handle: ({ core, params, body }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      if (!guild || !THREAD_PARENTS.has(channel.type)) throw Errors.invalidForm('channel_id', 'CHANNEL_TYPE_INVALID', 'Cannot start a thread here');
      const forum = channel.type === 15 || channel.type === 16;
      // Discord's default is a private thread; forum posts are always public.
      const type = forum ? 11 : (body.type ?? 12);
      requireBotPermission(core, guild, type === 12 ? Permission.CreatePrivateThreads : Permission.CreatePublicThreads, channel);
      const starter = body.message;
      if (forum && !starter) throw Errors.invalidForm('message');
      const thread = core.threads.start({
        guild,
        parent: channel,
        ownerId: core.ctx.state.botUserId,
        name: body.name,
        type,
        ...(body.auto_archive_duration === undefined ? {} : { autoArchiveDuration: body.auto_archive_duration }),
        invitable: body.invitable !== false,
      });
      const payload = channelPayload(thread);
      if (forum && starter) {
        const message = core.messages.create({
          channelId: thread.id,
          authorId: core.ctx.state.botUserId,
          content: starter.content ?? '',
          embeds: starter.embeds ?? [],
          components: starter.components ?? [],
        });
        payload['message'] = messagePayload(core.ctx.state, message);
      }
      return { status: 201, body: payload };
    },
  }),
  ...(['/channels/:channel_id/thread-members/@me', '/channels/:channel_id/thread-members/:user_id'] as const).flatMap((path): RouteDefinition[] => [
    {
      method: 'PUT',
      path,
      auth: 'bot',
      handle: (request) => {
        const thread = botThread(request);
        if (thread.thread!.archived) throw Errors.threadArchived();
        const userId = memberId(request);
        const guild = botGuild(request.core, thread.guildId!);
        if (!guild.members.has(userId)) throw Errors.unknownMember();
        request.core.threads.join(thread, userId);
        return {};
      },
    },
    {
      method: 'DELETE',
      path,
      auth: 'bot',
      handle: (request) => {
        const thread = botThread(request);
        const userId = memberId(request);
        if (userId !== request.core.ctx.state.botUserId && thread.thread!.ownerId !== request.core.ctx.state.botUserId) {
          requireBotPermission(request.core, botGuild(request.core, thread.guildId!), Permission.ManageThreads);
        }
        request.core.threads.leave(thread, userId);
        return {};
      },
    },
  ]),
  {
    method: 'GET',
    path: '/channels/:channel_id/thread-members/:user_id',
    auth: 'bot',
    handle: (request) => {
      const thread = botThread(request);
      const userId = memberId(request);
      const joinedAt = thread.thread!.members.get(userId);
      if (!joinedAt) throw Errors.unknownMember();
      return { body: threadMemberPayload(thread, userId, joinedAt) };
    },
  },
  {
    method: 'GET',
    path: '/channels/:channel_id/thread-members',
    auth: 'bot',
    handle: (request) => {
      const thread = botThread(request);
      return { body: [...thread.thread!.members].map(([userId, joinedAt]) => threadMemberPayload(thread, userId, joinedAt)) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guild_id/threads/active',
    auth: 'bot',
    handle: ({ core, params }) => {
      const { threads, botMemberships } = core.threads.active(botGuild(core, params['guild_id']));
      return {
        body: {
          threads: threads.map((thread) => channelPayload(thread)),
          members: botMemberships.map(({ thread, joinedAt }) => threadMemberPayload(thread, core.ctx.state.botUserId, joinedAt)),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/channels/:channel_id/threads/archived/public',
    auth: 'bot',
    handle: ({ core, params }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      if (guild) requireBotPermission(core, guild, Permission.ReadMessageHistory, channel);
      const threads = guild
        ? [...guild.threads.values()].filter((thread) => thread.parentId === channel.id && thread.type !== 12 && thread.thread!.archived)
        : [];
      return { body: { threads: threads.map((thread) => channelPayload(thread)), members: [], has_more: false } };
    },
  },
];
