import { z } from 'zod';

const toggleState = z.object({
  enabled: z.boolean(),
  default: z.boolean().describe('What the plugin declares'),
  overridden: z.boolean().describe('Whether the guild overrides the default'),
});

export const pluginTogglesSchema = toggleState
  .extend({ plugin_id: z.string(), commands: z.record(z.string(), toggleState).describe('The plugin’s commands by name, as the bot reported them') })
  .meta({ id: 'PluginToggles' });

export const guildTogglesSchema = z.object({ plugins: z.array(pluginTogglesSchema) }).meta({ id: 'GuildToggles' });

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
