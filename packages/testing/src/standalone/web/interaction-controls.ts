import { z } from 'zod';
import { optionalRecord, optionalStrings, optionalText, queryText, text } from './control-input.js';
import { defineControl, type ControlRoute } from './control-route.js';
import { interactionView, stateView } from './page-views.js';

/** Where an interaction happens and who runs it. */
const invocation = { guildId: text, channelId: text, userId: text };

/** Control endpoints that read the state and run interactions (commands, context menus, components, modals). */
export const interactionControls: ControlRoute[] = [
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
    path: '/api/interaction',
    summary: "An interaction's state: the bot's first response, a modal, autocomplete choices, or `failed` after the deadline.",
    input: 'query `id` (interaction id)',
    answer: '{ id, response: { type, ephemeral, deferred } | null, modal, choices, guildId, channelId, failed }',
    handle: ({ emulator, url, responseTimeoutMs }) => interactionView(emulator, queryText(url, 'id'), responseTimeoutMs),
  },
  defineControl({
    method: 'POST',
    path: '/api/invoke',
    summary: 'Runs a registered slash command as a user (`invokeSlashCommand`); with `focused`, an autocomplete request.',
    input: '{ guildId, channelId, userId, name, subcommand?, subcommandGroup?, options?: { [name]: value }, focused? }',
    answer: '{ interactionId }',
    body: z.object({
      ...invocation,
      name: text,
      subcommand: optionalText,
      subcommandGroup: optionalText,
      options: optionalRecord(z.union([z.string(), z.number(), z.boolean()])),
      focused: optionalText,
    }),
    handle: ({ emulator, body: { subcommand, subcommandGroup, focused, ...command } }) => {
      const invoked = { ...command, ...(subcommand ? { subcommand } : {}), ...(subcommandGroup ? { subcommandGroup } : {}) };
      const handle = focused ? emulator.invokeAutocomplete({ ...invoked, focused }) : emulator.invokeSlashCommand(invoked);
      return { interactionId: handle.id };
    },
  }),
  defineControl({
    method: 'POST',
    path: '/api/context-menu',
    summary: 'Runs a user or message context-menu command (`invokeContextMenu`).',
    input: "{ guildId, channelId, userId, name, type: 'user' | 'message', targetId }",
    answer: '{ interactionId }',
    body: z.object({ ...invocation, name: text, type: z.enum(['user', 'message'], { error: 'must be "user" or "message"' }), targetId: text }),
    handle: ({ emulator, body }) => ({ interactionId: emulator.invokeContextMenu(body).id }),
  }),
  defineControl({
    method: 'POST',
    path: '/api/component',
    summary: 'Clicks a button, or picks `values` in a select menu, on a message (`clickButton` / `selectMenu`).',
    input: '{ messageId, customId, userId, values?: string[] }',
    answer: '{ interactionId }',
    body: z.object({ messageId: text, customId: text, userId: text, values: optionalStrings }),
    handle: ({ emulator, body: { messageId, customId, userId, values } }) => {
      const handle = values ? emulator.selectMenu(messageId, customId, userId, values) : emulator.clickButton(messageId, customId, userId);
      return { interactionId: handle.id };
    },
  }),
  defineControl({
    method: 'POST',
    path: '/api/modal',
    summary: 'Submits a modal the bot showed (`submitModal`).',
    input: '{ guildId, channelId, userId, customId, fields: { [textInputCustomId]: value } }',
    answer: '{ interactionId }',
    body: z.object({ ...invocation, customId: text, fields: optionalRecord(z.string()) }),
    handle: ({ emulator, body }) => ({ interactionId: emulator.submitModal(body).id }),
  }),
  {
    method: 'GET',
    path: '/api/unimplemented',
    summary: 'REST routes the bot called that the emulator does not implement (`unimplementedRequests`).',
    input: '',
    answer: '{ requests: [{ method, route, path, at }] }',
    handle: ({ emulator }) => ({ requests: emulator.unimplementedRequests }),
  },
];
