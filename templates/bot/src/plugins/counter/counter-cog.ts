import { Cog, slashCommand } from '@baseline/bot';
import { SlashCommandBuilder } from 'discord.js';

/** Key-value key of a guild's counter. */
export const counterKey = (guildId: string) => `counter:${guildId}`;

/** `/count`: adds one to this server's counter, kept in the key-value store (Redis in production). */
export class CounterCog extends Cog {
  static override meta = { name: 'counter', description: 'A per-server counter' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder().setName('count').setDescription('Adds one to this server’s counter'),
      guildOnly: true,
      run: async (interaction) => {
        const count = await this.services.kv.incr(counterKey(interaction.guildId));
        await interaction.reply(`The counter is at ${count}.`);
      },
    }),
  ];
}
