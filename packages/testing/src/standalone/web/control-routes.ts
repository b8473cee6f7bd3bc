import type { IncomingMessage } from 'node:http';
import type { DiscordEmulator } from '../../discord/discord-emulator.js';
import type { OptionValue } from '../../discord/driver/interaction-payload.js';
import { BadControlRequest, optionalRecord, optionalStrings, optionalText, queryText, readJson, text, type Body } from './control-input.js';
import { interactionView, memberView, messagesView, stateView } from './page-views.js';

/** What a control route handler gets. */
export interface ControlContext {
  emulator: DiscordEmulator;
  request: IncomingMessage;
  url: URL;
  urls: Record<string, string>;
  responseTimeoutMs: number;
}

/**
 * One endpoint of the control API (the page server's `/api/*`): the same operations as the driver, so the
 * page, a script (`curl`) or another process can drive the emulator. `body` and `answer` document it; the
 * README lists every route of this table (a test checks it).
 */
export interface ControlRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  /** Query parameters or JSON body fields, as documented. */
  input: string;
  /** The JSON answer (200). */
  answer: string;
  handle(context: ControlContext): Promise<unknown> | unknown;
}

const body = ({ request }: ControlContext): Promise<Body> => readJson(request);

/** Every control endpoint. Driver errors answer 400 `{ error, code }`; unknown ids in GETs answer 404. */
export const controlRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/api/state',
    summary: 'The application, URLs, users, and every guild with channels, threads, members, roles and commands; DM channels.',
    input: '',
    answer: '{ application, urls, users, guilds: [{ id, name, botIsMember, channels, threads, members, roles, commands }], dms }',
    handle: ({ emulator, urls }) => stateView(emulator, urls),
  },
  {
    method: 'GET',
    path: '/api/messages',
    summary: 'The newest 100 messages of a channel, thread or DM as `user` sees them (their ephemeral replies included).',
    input: 'query `channel` (id), `user` (id, optional)',
    answer: '{ messages: [{ id, authorId, authorName, bot, content, embeds, components, reactions, replyTo, threadId, ephemeral, loading, edited, timestamp, interaction }] }',
    handle: ({ emulator, url }) => ({ messages: messagesView(emulator, queryText(url, 'channel'), url.searchParams.get('user')) }),
  },
  {
    method: 'GET',
    path: '/api/interaction',
    summary: "An interaction's state: the bot's first response, a modal, autocomplete choices, or `failed` after the deadline.",
    input: 'query `id` (interaction id)',
    answer: '{ id, response: { type, ephemeral, deferred } | null, modal, choices, guildId, channelId, failed }',
    handle: ({ emulator, url, responseTimeoutMs }) => interactionView(emulator, queryText(url, 'id'), responseTimeoutMs),
  },
  {
    method: 'POST',
    path: '/api/invoke',
    summary: 'Runs a registered slash command as a user (`invokeSlashCommand`); with `focused`, an autocomplete request.',
    input: '{ guildId, channelId, userId, name, subcommand?, subcommandGroup?, options?: { [name]: value }, focused? }',
    answer: '{ interactionId }',
    handle: async (context) => {
      const input = await body(context);
      const command = {
        guildId: text(input, 'guildId'),
        channelId: text(input, 'channelId'),
        userId: text(input, 'userId'),
        name: text(input, 'name'),
        options: optionalRecord<OptionValue>(input, 'options'),
        ...(optionalText(input, 'subcommand') ? { subcommand: optionalText(input, 'subcommand')! } : {}),
        ...(optionalText(input, 'subcommandGroup') ? { subcommandGroup: optionalText(input, 'subcommandGroup')! } : {}),
      };
      const focused = optionalText(input, 'focused');
      const handle = focused ? context.emulator.invokeAutocomplete({ ...command, focused }) : context.emulator.invokeSlashCommand(command);
      return { interactionId: handle.id };
    },
  },
  {
    method: 'POST',
    path: '/api/context-menu',
    summary: 'Runs a user or message context-menu command (`invokeContextMenu`).',
    input: "{ guildId, channelId, userId, name, type: 'user' | 'message', targetId }",
    answer: '{ interactionId }',
    handle: async (context) => {
      const input = await body(context);
      const type = text(input, 'type');
      if (type !== 'user' && type !== 'message') throw new BadControlRequest('"type" must be "user" or "message"');
      const handle = context.emulator.invokeContextMenu({
        guildId: text(input, 'guildId'),
        channelId: text(input, 'channelId'),
        userId: text(input, 'userId'),
        name: text(input, 'name'),
        type,
        targetId: text(input, 'targetId'),
      });
      return { interactionId: handle.id };
    },
  },
  {
    method: 'POST',
    path: '/api/component',
    summary: 'Clicks a button, or picks `values` in a select menu, on a message (`clickButton` / `selectMenu`).',
    input: '{ messageId, customId, userId, values?: string[] }',
    answer: '{ interactionId }',
    handle: async (context) => {
      const input = await body(context);
      const values = optionalStrings(input, 'values');
      const [messageId, customId, userId] = [text(input, 'messageId'), text(input, 'customId'), text(input, 'userId')];
      const handle = values ? context.emulator.selectMenu(messageId, customId, userId, values) : context.emulator.clickButton(messageId, customId, userId);
      return { interactionId: handle.id };
    },
  },
  {
    method: 'POST',
    path: '/api/modal',
    summary: 'Submits a modal the bot showed (`submitModal`).',
    input: '{ guildId, channelId, userId, customId, fields: { [textInputCustomId]: value } }',
    answer: '{ interactionId }',
    handle: async (context) => {
      const input = await body(context);
      const handle = context.emulator.submitModal({
        guildId: text(input, 'guildId'),
        channelId: text(input, 'channelId'),
        userId: text(input, 'userId'),
        customId: text(input, 'customId'),
        fields: optionalRecord<string>(input, 'fields'),
      });
      return { interactionId: handle.id };
    },
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
  {
    method: 'POST',
    path: '/api/users',
    summary: 'Creates a user (`addUser`), who can then join guilds.',
    input: '{ username, globalName? }',
    answer: '{ id, username }',
    handle: async (context) => {
      const input = await body(context);
      const globalName = optionalText(input, 'globalName');
      const user = context.emulator.addUser({ username: text(input, 'username'), ...(globalName ? { globalName } : {}) });
      return { id: user.id, username: user.username };
    },
  },
  {
    method: 'POST',
    path: '/api/members',
    summary: 'A user joins a guild (`addMember`: GUILD_MEMBER_ADD); `roles` are ids or names.',
    input: '{ guildId, userId, nick?, roles?: string[] }',
    answer: '{ member: { id, username, displayName, nick, roles, bot } }',
    handle: async (context) => {
      const input = await body(context);
      const guildId = text(input, 'guildId');
      const nick = optionalText(input, 'nick');
      const roles = optionalStrings(input, 'roles');
      const member = context.emulator.addMember(guildId, { user: text(input, 'userId'), ...(nick ? { nick } : {}), ...(roles ? { roles } : {}) });
      return { member: memberView(context.emulator, guildId, member.userId) };
    },
  },
  {
    method: 'PATCH',
    path: '/api/members',
    summary: "Changes a member's nickname (`null` clears it) and/or replaces their roles (`updateMember`: GUILD_MEMBER_UPDATE).",
    input: '{ guildId, userId, nick?: string | null, roles?: string[] }',
    answer: '{ member: { id, username, displayName, nick, roles, bot } }',
    handle: async (context) => {
      const input = await body(context);
      const guildId = text(input, 'guildId');
      const roles = optionalStrings(input, 'roles');
      const update: { nick?: string | null; roles?: string[] } = {};
      if ('nick' in input) update.nick = optionalText(input, 'nick') ?? null;
      if (roles) update.roles = roles;
      const member = context.emulator.updateMember(guildId, text(input, 'userId'), update);
      return { member: memberView(context.emulator, guildId, member.userId) };
    },
  },
  {
    method: 'DELETE',
    path: '/api/members',
    summary: 'A member leaves the guild (`removeMember`: GUILD_MEMBER_REMOVE).',
    input: 'query `guildId`, `userId`',
    answer: '{ ok: true }',
    handle: ({ emulator, url }) => {
      emulator.removeMember(queryText(url, 'guildId'), queryText(url, 'userId'));
      return { ok: true };
    },
  },
  {
    method: 'GET',
    path: '/api/unimplemented',
    summary: 'REST routes the bot called that the emulator does not implement (`unimplementedRequests`).',
    input: '',
    answer: '{ requests: [{ method, route, path, at }] }',
    handle: ({ emulator }) => ({ requests: emulator.unimplementedRequests }),
  },
];
