import type { OptionValue } from '../../discord/driver/interaction-payload.js';
import { BadControlRequest, optionalRecord, optionalStrings, optionalText, queryText, readJson, text, type Body } from './control-input.js';
import type { ControlContext, ControlRoute } from './control-routes.js';
import { interactionView, stateView } from './page-views.js';

const body = ({ request }: ControlContext): Promise<Body> => readJson(request);

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
    method: 'GET',
    path: '/api/unimplemented',
    summary: 'REST routes the bot called that the emulator does not implement (`unimplementedRequests`).',
    input: '',
    answer: '{ requests: [{ method, route, path, at }] }',
    handle: ({ emulator }) => ({ requests: emulator.unimplementedRequests }),
  },
];
