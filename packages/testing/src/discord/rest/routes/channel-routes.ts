import type { MessageEdit } from '../../driver/message-actions.js';
import type { EmulatorCore } from '../../emulator-core.js';
import { Permission } from '../../permissions.js';
import { channelPayload, messagePayload } from '../../state/payloads.js';
import type { ChannelRecord, MessageReferenceRecord } from '../../state/records.js';
import { Errors } from '../api-error.js';
import type { RouteDefinition } from '../route.js';
import { botChannel, intParam, requireBotPermission } from './route-helpers.js';

type Body = Record<string, unknown>;

/**
 * The `message_reference` of a reply: the referenced message must exist in the channel (else 400 / 50035
 * MESSAGE_REFERENCE_UNKNOWN_MESSAGE), unless `fail_if_not_exists` is false, which sends a plain message.
 */
function messageReference(core: EmulatorCore, channel: ChannelRecord, raw: unknown): MessageReferenceRecord | null {
  if (!raw || typeof raw !== 'object') return null;
  const input = raw as { message_id?: unknown; channel_id?: unknown; fail_if_not_exists?: unknown; type?: unknown };
  if (input.type !== undefined && input.type !== 0) return null;
  const channelId = typeof input.channel_id === 'string' ? input.channel_id : channel.id;
  const messageId = typeof input.message_id === 'string' ? input.message_id : '';
  const referenced = core.ctx.state.channelMessages.get(channelId)?.get(messageId);
  if (!referenced) {
    if (input.fail_if_not_exists === false) return null;
    throw Errors.invalidForm('message_reference', 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
  }
  return { messageId: referenced.id, channelId: referenced.channelId, guildId: referenced.guildId };
}

/** Channels and their messages. */
export const channelRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/channels/:channel_id',
    auth: 'bot',
    handle: ({ core, params }) => ({ body: channelPayload(botChannel(core, params['channel_id']).channel, core.ctx.state) }),
  },
  {
    method: 'GET',
    path: '/channels/:channel_id/messages',
    auth: 'bot',
    handle: ({ core, params, query }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      if (guild) requireBotPermission(core, guild, Permission.ReadMessageHistory, channel);
      const limit = intParam(query, 'limit', 50, 1, 100);
      const before = query.get('before');
      const after = query.get('after');
      const all = [...(core.ctx.state.channelMessages.get(channel.id)?.values() ?? [])];
      // Newest first, like Discord; `after` pages forward from the oldest.
      const picked = after
        ? all
            .filter((message) => BigInt(message.id) > BigInt(after))
            .slice(0, limit)
            .reverse()
        : all
            .filter((message) => !before || BigInt(message.id) < BigInt(before))
            .slice(-limit)
            .reverse();
      return { body: picked.map((message) => messagePayload(core.ctx.state, message)) };
    },
  },
  {
    method: 'GET',
    path: '/channels/:channel_id/messages/:message_id',
    auth: 'bot',
    handle: ({ core, params }) => {
      const { channel } = botChannel(core, params['channel_id']);
      const message = core.ctx.state.channelMessages.get(channel.id)?.get(params['message_id']!);
      if (!message) throw Errors.unknownMessage();
      return { body: messagePayload(core.ctx.state, message) };
    },
  },
  {
    method: 'POST',
    path: '/channels/:channel_id/messages',
    auth: 'bot',
    partial: 'no stickers, polls, forwards or `allowed_mentions`; attachments keep name and size only',
    handle: ({ core, params, body, files }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      if (guild) requireBotPermission(core, guild, channel.thread ? Permission.SendMessagesInThreads : Permission.SendMessages, channel);
      if (channel.thread) core.threads.beforeMessage(channel);
      const data = (body ?? {}) as Body;
      const content = typeof data['content'] === 'string' ? data['content'] : '';
      const embeds = Array.isArray(data['embeds']) ? data['embeds'] : [];
      if (content === '' && embeds.length === 0 && files.length === 0 && !Array.isArray(data['components'])) {
        throw Errors.emptyMessage();
      }
      const reference = messageReference(core, channel, data['message_reference']);
      const message = core.messages.create({
        channelId: channel.id,
        authorId: core.ctx.application.id,
        content,
        embeds,
        components: Array.isArray(data['components']) ? data['components'] : [],
        attachments: files.map((file, index) => ({
          id: String(index),
          filename: file.filename,
          size: file.size,
          content_type: file.contentType,
          url: '',
          proxy_url: '',
        })),
        tts: data['tts'] === true,
        flags: typeof data['flags'] === 'number' ? data['flags'] & 4100 : 0,
        type: reference ? 19 : 0,
        reference,
      });
      return { body: messagePayload(core.ctx.state, message) };
    },
  },
  {
    method: 'POST',
    path: '/channels/:channel_id/typing',
    auth: 'bot',
    handle: ({ core, params }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      if (guild) requireBotPermission(core, guild, channel.thread ? Permission.SendMessagesInThreads : Permission.SendMessages, channel);
      return {};
    },
  },
  {
    method: 'PATCH',
    path: '/channels/:channel_id/messages/:message_id',
    auth: 'bot',
    partial: 'content, embeds and components only',
    handle: ({ core, params, body }) => {
      const { channel } = botChannel(core, params['channel_id']);
      const message = core.ctx.state.channelMessages.get(channel.id)?.get(params['message_id']!);
      if (!message) throw Errors.unknownMessage();
      if (message.authorId !== core.ctx.application.id) throw Errors.missingPermissions();
      const data = (body ?? {}) as Body;
      const edit: MessageEdit = {};
      if (typeof data['content'] === 'string') edit.content = data['content'];
      if (Array.isArray(data['embeds'])) edit.embeds = data['embeds'];
      if (Array.isArray(data['components'])) edit.components = data['components'];
      return { body: messagePayload(core.ctx.state, core.messages.edit(message, edit)) };
    },
  },
  {
    method: 'DELETE',
    path: '/channels/:channel_id/messages/:message_id',
    auth: 'bot',
    handle: ({ core, params }) => {
      const { channel, guild } = botChannel(core, params['channel_id']);
      const message = core.ctx.state.channelMessages.get(channel.id)?.get(params['message_id']!);
      if (!message) throw Errors.unknownMessage();
      if (guild && message.authorId !== core.ctx.application.id) requireBotPermission(core, guild, Permission.ManageMessages, channel);
      core.messages.delete(message);
      return {};
    },
  },
];
