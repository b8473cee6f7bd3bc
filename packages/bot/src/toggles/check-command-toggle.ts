import type { ToggleRegistry } from '@baseline/core';
import type { CommandInteraction } from 'discord.js';

/** What the toggle precondition of a plugin's command carries. */
export interface CommandToggleContext {
  pluginId: string;
  command: string;
}

/**
 * Whether a plugin's command may run for this interaction: always outside guilds (toggles are per guild), else
 * as the guild's toggles say. The registry's cache is dropped on every change announced by any process.
 */
export async function isCommandEnabled(toggles: ToggleRegistry, interaction: CommandInteraction, { pluginId, command }: CommandToggleContext): Promise<boolean> {
  if (interaction.guildId === null) return true;
  return toggles.isEnabled(interaction.guildId, pluginId, command);
}
