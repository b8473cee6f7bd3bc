import { MessageFlags, type Interaction } from 'discord.js';

/**
 * Tells the user something privately, whatever state the interaction is in: a reply when nothing was
 * sent yet, a follow-up after a reply or a deferral, empty choices for autocomplete. Never throws.
 */
export async function replyEphemeral(interaction: Interaction, content: string): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    if (interaction.replied || interaction.deferred) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  } catch {
    // The interaction may have expired or been answered concurrently; the failure is already logged.
  }
}
