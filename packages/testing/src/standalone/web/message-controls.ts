import { z } from 'zod';
import { optionalText, queryText, text } from './control-input.js';
import { defineControl, type ControlRoute } from './control-route.js';
import { messagesView } from './page-views.js';

const OK = { ok: true } as const;

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
  defineControl({
    method: 'POST',
    path: '/api/message',
    summary: 'A user posts in a channel, thread or their DM, optionally as a reply (`sendMessage`).',
    input: '{ channelId, userId, content, replyTo? }',
    answer: '{ messageId }',
    body: z.object({ channelId: text, userId: text, content: text, replyTo: optionalText }),
    handle: ({ emulator, body: { replyTo, ...message } }) => ({ messageId: emulator.sendMessage({ ...message, ...(replyTo ? { replyTo } : {}) }).id }),
  }),
  defineControl({
    method: 'POST',
    path: '/api/dm',
    summary: 'A user writes to the bot in their DM (`sendDirectMessage`).',
    input: '{ userId, content }',
    answer: '{ messageId, channelId }',
    body: z.object({ userId: text, content: text }),
    handle: ({ emulator, body }) => {
      const message = emulator.sendDirectMessage(body);
      return { messageId: message.id, channelId: message.channelId };
    },
  }),
  defineControl({
    method: 'POST',
    path: '/api/dm-channel',
    summary: "Opens (or finds) the bot's DM channel with a user (`dmChannel`) without posting; read it with `/api/messages`.",
    input: '{ userId }',
    answer: '{ channelId }',
    body: z.object({ userId: text }),
    handle: ({ emulator, body }) => ({ channelId: emulator.dmChannel(body.userId).id }),
  }),
  defineControl({
    method: 'POST',
    path: '/api/reactions',
    summary: 'A user reacts to a message (`react`); `emoji` is unicode or `name:id`.',
    input: '{ messageId, userId, emoji }',
    answer: '{ ok: true }',
    body: z.object({ messageId: text, userId: text, emoji: text }),
    handle: ({ emulator, body }) => {
      emulator.react(body.messageId, body.userId, body.emoji);
      return OK;
    },
  }),
  {
    method: 'DELETE',
    path: '/api/reactions',
    summary: "Removes a user's reaction (`unreact`).",
    input: 'query `messageId`, `userId`, `emoji`',
    answer: '{ ok: true }',
    handle: ({ emulator, url }) => {
      emulator.unreact(queryText(url, 'messageId'), queryText(url, 'userId'), queryText(url, 'emoji'));
      return OK;
    },
  },
  defineControl({
    method: 'POST',
    path: '/api/typing',
    summary: 'A user starts typing in a channel (`startTyping`).',
    input: '{ channelId, userId }',
    answer: '{ ok: true }',
    body: z.object({ channelId: text, userId: text }),
    handle: ({ emulator, body }) => {
      emulator.startTyping(body.channelId, body.userId);
      return OK;
    },
  }),
  defineControl({
    method: 'POST',
    path: '/api/threads',
    summary: 'A user starts a thread, from a message or standalone (`startThread`).',
    input: '{ channelId, userId, name, messageId?, private? }',
    answer: '{ threadId }',
    body: z.object({ channelId: text, userId: text, name: text, messageId: optionalText, private: z.boolean({ error: 'must be true or false' }).optional() }),
    handle: ({ emulator, body: { messageId, ...thread } }) => ({
      threadId: emulator.startThread({ ...thread, ...(messageId ? { messageId } : {}), private: thread.private === true }).id,
    }),
  }),
  defineControl({
    method: 'POST',
    path: '/api/threads/members',
    summary: 'A user joins a thread (`joinThread`).',
    input: '{ threadId, userId }',
    answer: '{ ok: true }',
    body: z.object({ threadId: text, userId: text }),
    handle: ({ emulator, body }) => {
      emulator.joinThread(body.threadId, body.userId);
      return OK;
    },
  }),
];
