import { optionalStrings, optionalText, queryText, readJson, text, type Body } from './control-input.js';
import type { ControlContext, ControlRoute } from './control-routes.js';
import { memberView } from './page-views.js';

const body = ({ request }: ControlContext): Promise<Body> => readJson(request);

/** Control endpoints for users and guild members: create a user, join, change nickname and roles, leave. */
export const memberControls: ControlRoute[] = [
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
];
