import { z } from 'zod';
import { API_ERROR_CODES } from '../../errors/api-error.js';

const toggleState = z.object({
  enabled: z.boolean(),
  default: z.boolean().describe('What the plugin declares'),
  overridden: z.boolean().describe('Whether the guild overrides the default'),
});

export const pluginTogglesSchema = toggleState
  .extend({ plugin_id: z.string(), commands: z.record(z.string(), toggleState).describe('The plugin’s commands by name, as the bot reported them') })
  .meta({ id: 'PluginToggles' });

export const guildTogglesSchema = z.object({ plugins: z.array(pluginTogglesSchema) }).meta({ id: 'GuildToggles' });

export const commandPermissionsOutcomeSchema = z
  .object({
    status: z
      .enum(['synced', 'unchanged', 'not_synced'])
      .describe('`not_synced`: the toggle applies (the bot answers "disabled here") but members still see the command in Discord'),
    commands: z.array(z.string()).describe('Commands whose Discord permission overwrites were written'),
    code: z
      .enum([API_ERROR_CODES.commandPermissionsNotGranted, API_ERROR_CODES.commandPermissionsForbidden, API_ERROR_CODES.commandPermissionsFailed])
      .nullable()
      .describe(
        'Why not synced: NOT_GRANTED = sign in again granting command permissions; FORBIDDEN = lacks Manage Server + Manage Roles; FAILED = Discord unreachable',
      ),
    message: z.string().nullable(),
  })
  .describe('Whether the change was mirrored into Discord’s command permissions (hiding disabled commands from members)')
  .meta({ id: 'CommandPermissionsOutcome' });

export const toggleUpdateSchema = guildTogglesSchema.extend({ command_permissions: commandPermissionsOutcomeSchema }).meta({ id: 'GuildTogglesUpdate' });

export const toggleChangeSchema = z
  .object({
    plugin_id: z.string().regex(/^[a-z][a-z0-9-]{0,44}$/, 'must be a plugin id'),
    command: z
      .string()
      .regex(/^[-_\p{L}\p{N}]{1,32}$/u, 'must be a command name (1–32 letters, digits, - or _)')
      .optional()
      .describe('One command of the plugin; the whole plugin when absent'),
    enabled: z.boolean().nullable().describe('`null` returns the toggle to the plugin’s default'),
  })
  .strict()
  .describe('One toggle, e.g. { "plugin_id": "reference", "command": "wave", "enabled": false }');
