import type { ToggleRegistry } from '@baseline/core';
import type { CommandInteraction } from 'discord.js';
import type { TogglePreconditionContext } from '../cogs/pieces/precondition-names.js';

/**
 * Whether a plugin's command may run for this interaction: always outside guilds (toggles are per guild), else
 * as the guild's toggles say. The registry's cache is dropped on every change announced by any process.
 */
export async function isCommandEnabled(
  toggles: ToggleRegistry,
  interaction: CommandInteraction,
  { pluginId, command }: TogglePreconditionContext,
): Promise<boolean> {
  if (interaction.guildId === null) return true;
  return toggles.isEnabled(interaction.guildId, pluginId, command);
}
