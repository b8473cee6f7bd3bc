import { Cog, slashCommand } from '@baseline/bot';
import { SlashCommandBuilder } from 'discord.js';
import type { greeterSettings } from './settings.js';

/** `/greet [name]`: answers with the greeting this server configured. Edit it while `npm run dev` runs: it reloads. */
export class GreeterCog extends Cog<typeof greeterSettings> {
  static override meta = { name: 'greeter', description: 'Greets people' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('greet')
        .setDescription('Greets you with this server’s greeting')
        .addStringOption((option) => option.setName('name').setDescription('Who to greet').setMaxLength(50)),
      guildOnly: true,
      run: async (interaction) => {
        const { greeting } = await this.settings.get(interaction.guildId);
        const name = interaction.options.getString('name') ?? interaction.user.username;
        await interaction.reply(`${greeting}, ${name}!`);
      },
    }),
  ];
}
