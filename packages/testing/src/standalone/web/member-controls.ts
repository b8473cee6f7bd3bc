import { z } from 'zod';
import { optionalStrings, optionalText, queryText, text } from './control-input.js';
import { defineControl, type ControlRoute } from './control-route.js';
import { memberView } from './page-views.js';

/** Control endpoints for users and guild members: create a user, join, change nickname and roles, leave. */
export const memberControls: ControlRoute[] = [
  defineControl({
    method: 'POST',
    path: '/api/users',
    summary: 'Creates a user (`addUser`), who can then join guilds.',
    input: '{ username, globalName? }',
    answer: '{ id, username }',
    body: z.object({ username: text, globalName: optionalText }),
    handle: ({ emulator, body: { username, globalName } }) => {
      const user = emulator.addUser({ username, ...(globalName ? { globalName } : {}) });
      return { id: user.id, username: user.username };
    },
  }),
  defineControl({
    method: 'POST',
    path: '/api/members',
    summary: 'A user joins a guild (`addMember`: GUILD_MEMBER_ADD); `roles` are ids or names.',
    input: '{ guildId, userId, nick?, roles?: string[] }',
    answer: '{ member: { id, username, displayName, nick, roles, bot } }',
    body: z.object({ guildId: text, userId: text, nick: optionalText, roles: optionalStrings }),
    handle: ({ emulator, body: { guildId, userId, nick, roles } }) => {
      const member = emulator.addMember(guildId, { user: userId, ...(nick ? { nick } : {}), ...(roles ? { roles } : {}) });
      return { member: memberView(emulator, guildId, member.userId) };
    },
  }),
  defineControl({
    method: 'PATCH',
    path: '/api/members',
    summary: "Changes a member's nickname (`null` clears it) and/or replaces their roles (`updateMember`: GUILD_MEMBER_UPDATE).",
    input: '{ guildId, userId, nick?: string | null, roles?: string[] }',
    answer: '{ member: { id, username, displayName, nick, roles, bot } }',
    body: z.object({ guildId: text, userId: text, nick: z.string({ error: 'must be a string' }).nullish(), roles: optionalStrings }),
    handle: ({ emulator, body: { guildId, userId, nick, roles } }) => {
      const update: { nick?: string | null; roles?: string[] } = {};
      // A nick sent as `null` or `''` clears it; one not sent leaves it.
      if (nick !== undefined) update.nick = nick || null;
      if (roles) update.roles = roles;
      const member = emulator.updateMember(guildId, userId, update);
      return { member: memberView(emulator, guildId, member.userId) };
    },
  }),
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
