// Type test, checked by `pnpm --filter @baseline/bot typecheck`: `guildOnly: true` gives a command's handlers a
// guild interaction, so `interaction.guildId` is a string without `!`; other commands keep `string | null`.
import { ContextMenuCommandBuilder, SlashCommandBuilder } from 'discord.js';
import { contextMenu, slashCommand, type CommandDefinition } from '../../src/index.js';

const data = new SlashCommandBuilder().setName('t').setDescription('t');

const guildOnly = slashCommand({
  data,
  guildOnly: true,
  checks: [(interaction) => Boolean(interaction.guildId satisfies string)],
  run: (interaction) => {
    const guildId: string = interaction.guildId;
    return guildId;
  },
  subcommands: { add: (interaction) => interaction.guildId satisfies string },
  autocomplete: (interaction) => interaction.guildId satisfies string,
});
const anywhere = slashCommand({
  data,
  run: (interaction) => {
    // @ts-expect-error outside guildOnly the interaction may come from a DM, so guildId may be null
    const guildId: string = interaction.guildId;
    return guildId;
  },
});
const menu = contextMenu({ data: new ContextMenuCommandBuilder().setName('m'), guildOnly: true, run: (interaction) => interaction.guildId satisfies string });

// Both kinds fit a cog's `commands` list.
const commands: readonly CommandDefinition[] = [guildOnly, anywhere, menu];
void commands;
