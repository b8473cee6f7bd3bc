import { isBaselineError, TOGGLE_ERROR_CODES, type PluginToggles } from '@baseline/core';
import { API_ERROR_CODES, ApiError } from '../../errors/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import { guildParams } from '../../http/schemas.js';
import { syncCommandPermissions } from '../../toggles/sync-command-permissions.js';
import { guildTogglesSchema, toggleChangeSchema, toggleUpdateSchema } from './toggle-schemas.js';

const toBody = (toggles: PluginToggles[]) => ({
  plugins: toggles.map(({ pluginId, commands, ...state }) => ({ plugin_id: pluginId, ...state, commands })),
});

export const getTogglesRoute = defineRoute({
  method: 'GET',
  url: '/guilds/:guild_id/toggles',
  summary: 'Which plugins and commands are enabled in a guild',
  tags: ['toggles'],
  access: 'guild',
  params: guildParams,
  responses: { 200: guildTogglesSchema },
  async handler({ api, params }) {
    return toBody(await api.services.toggles.guild(params.guild_id));
  },
});

export const putToggleRoute = defineRoute({
  method: 'PUT',
  url: '/guilds/:guild_id/toggles',
  summary: 'Enable or disable a plugin or one of its commands in a guild (audited, announced to every bot)',
  description:
    'A disabled command answers members with an ephemeral "disabled here". The API also hides it from members in Discord (an `@everyone` deny among the command’s permission overwrites, others kept) with the caller’s Discord grant for `applications.commands.permissions.update`, and shows it again on re-enable; `command_permissions` says whether that worked (never a failure of this request). An unknown plugin or command is a 422 and nothing is stored.',
  tags: ['toggles'],
  access: 'guild',
  params: guildParams,
  body: toggleChangeSchema,
  responses: { 200: toggleUpdateSchema },
  async handler({ api, params, body, caller, request }) {
    const { toggles } = api.services;
    try {
      await toggles.set({ guildId: params.guild_id, pluginId: body.plugin_id, command: body.command, enabled: body.enabled, actorUserId: caller.userId });
    } catch (error) {
      if (isBaselineError(error, TOGGLE_ERROR_CODES.unknownPlugin) || isBaselineError(error, TOGGLE_ERROR_CODES.unknownCommand)) {
        const plugin = error.code === TOGGLE_ERROR_CODES.unknownPlugin;
        const code = plugin ? API_ERROR_CODES.togglesUnknownPlugin : API_ERROR_CODES.togglesUnknownCommand;
        throw new ApiError(code, error.message, { status: 422, fields: [{ path: plugin ? 'plugin_id' : 'command', message: error.message }] });
      }
      throw error;
    }
    const commandPermissions = await syncCommandPermissions(
      api,
      caller,
      { guildId: params.guild_id, pluginId: body.plugin_id, command: body.command },
      request.log,
    );
    return { ...toBody(await toggles.guild(params.guild_id)), command_permissions: commandPermissions };
  },
});
