import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { Cog, type CogMeta } from '../cogs/cog.js';
import { slashCommand } from '../cogs/define-handlers.js';
import { collectBotStatus } from './collect-status.js';
import { formatStatusEmbed } from './format-status.js';

/**
 * The built-in `/status` command: an ephemeral embed with uptime, guild count, shard, gateway latency and
 * database and Redis round trips. It never posts in channels.
 */
export class StatusCog extends Cog {
  static override meta: CogMeta = { name: 'baseline-status', description: 'The /status command' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder().setName('status').setDescription('Show the bot status: uptime, shard, latency, database and Redis'),
      run: async (interaction) => {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const status = await collectBotStatus(this.client, this.services, interaction.guild?.shardId);
        await interaction.editReply({ embeds: [formatStatusEmbed(status, (key, vars) => this.t(key, vars))] });
      },
    }),
  ];
}
