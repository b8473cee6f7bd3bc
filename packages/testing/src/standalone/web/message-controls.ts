import { optionalText, queryText, readJson, text, type Body } from './control-input.js';
import type { ControlContext, ControlRoute } from './control-routes.js';
import { messagesView } from './page-views.js';

const body = ({ request }: ControlContext): Promise<Body> => readJson(request);

/** Control endpoints for what users do in channels: post and reply, DM the bot, react, type, start and join threads. */
export const messageControls: ControlRoute[] = [
  {
    method: 'GET',
    path: '/api/messages',
    summary: 'The newest 100 messages of a channel, thread or DM as `user` sees them (their ephemeral replies included).',
    input: 'query `channel` (id), `user` (id, optional)',
    answer:
      '{ messages: [{ id, authorId, authorName, bot, content, embeds, components, reactions, replyTo, threadId, ephemeral, loading, edited, timestamp, interaction }] }',
    handle: ({ emulator, url }) => ({ messages: messagesView(emulator, queryText(url, 'channel'), url.searchParams.get('user')) }),
  },
  {
    method: 'POST',
    path: '/api/message',
    summary: 'A user posts in a channel, thread or their DM, optionally as a reply (`sendMessage`).',
    input: '{ channelId, userId, content, replyTo? }',
    answer: '{ messageId }',
    handle: async (context) => {
      const input = await body(context);
      const replyTo = optionalText(input, 'replyTo');
      const message = context.emulator.sendMessage({
        channelId: text(input, 'channelId'),
        userId: text(input, 'userId'),
        content: text(input, 'content'),
        ...(replyTo ? { replyTo } : {}),
      });
      return { messageId: message.id };
    },
  },
  {
    method: 'POST',
    path: '/api/dm',
    summary: 'A user writes to the bot in their DM (`sendDirectMessage`).',
    input: '{ userId, content }',
    answer: '{ messageId, channelId }',
    handle: async (context) => {
      const input = await body(context);
      const message = context.emulator.sendDirectMessage({ userId: text(input, 'userId'), content: text(input, 'content') });
      return { messageId: message.id, channelId: message.channelId };
    },
  },
  {
    method: 'POST',
    path: '/api/dm-channel',
    summary: "Opens (or finds) the bot's DM channel with a user (`dmChannel`) without posting; read it with `/api/messages`.",
    input: '{ userId }',
    answer: '{ channelId }',
    handle: async (context) => {
      const input = await body(context);
      return { channelId: context.emulator.dmChannel(text(input, 'userId')).id };
    },
  },
  {
    method: 'POST',
    path: '/api/reactions',
    summary: 'A user reacts to a message (`react`); `emoji` is unicode or `name:id`.',
    input: '{ messageId, userId, emoji }',
    answer: '{ ok: true }',
    handle: async (context) => {
      const input = await body(context);
      context.emulator.react(text(input, 'messageId'), text(input, 'userId'), text(input, 'emoji'));
      return { ok: true };
    },
  },
  {
    method: 'DELETE',
    path: '/api/reactions',
    summary: "Removes a user's reaction (`unreact`).",
    input: 'query `messageId`, `userId`, `emoji`',
    answer: '{ ok: true }',
    handle: ({ emulator, url }) => {
      emulator.unreact(queryText(url, 'messageId'), queryText(url, 'userId'), queryText(url, 'emoji'));
      return { ok: true };
    },
  },
  {
    method: 'POST',
    path: '/api/typing',
    summary: 'A user starts typing in a channel (`startTyping`).',
    input: '{ channelId, userId }',
    answer: '{ ok: true }',
    handle: async (context) => {
      const input = await body(context);
      context.emulator.startTyping(text(input, 'channelId'), text(input, 'userId'));
      return { ok: true };
    },
  },
  {
    method: 'POST',
    path: '/api/threads',
    summary: 'A user starts a thread, from a message or standalone (`startThread`).',
    input: '{ channelId, userId, name, messageId?, private? }',
    answer: '{ threadId }',
    handle: async (context) => {
      const input = await body(context);
      const messageId = optionalText(input, 'messageId');
      const thread = context.emulator.startThread({
        channelId: text(input, 'channelId'),
        userId: text(input, 'userId'),
        name: text(input, 'name'),
        ...(messageId ? { messageId } : {}),
        private: input['private'] === true,
      });
      return { threadId: thread.id };
    },
  },
  {
    method: 'POST',
    path: '/api/threads/members',
    summary: 'A user joins a thread (`joinThread`).',
    input: '{ threadId, userId }',
    answer: '{ ok: true }',
    handle: async (context) => {
      const input = await body(context);
      context.emulator.joinThread(text(input, 'threadId'), text(input, 'userId'));
      return { ok: true };
    },
  },
];
