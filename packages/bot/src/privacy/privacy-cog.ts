import { eraseUserData } from '@baseline/core';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { Cog, type CogMeta } from '../cogs/cog.js';
import { component, slashCommand } from '../cogs/define-handlers.js';
import { formatErasure } from './format-erasure.js';

/** Custom id prefix of the confirmation buttons: `baseline-privacy:<confirm|cancel>:<userId>`. */
const BUTTONS = 'baseline-privacy';

/**
 * The built-in `/privacy delete-my-data`: a user erases what the bot and its plugins store about them (see
 * `eraseUserData`), after confirming with a button only they can press. Everything is ephemeral.
 */
export class PrivacyCog extends Cog {
  static override meta: CogMeta = { name: 'baseline-privacy', description: 'The /privacy command' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('privacy')
        .setDescription('Your data and this bot')
        .addSubcommand((sub) => sub.setName('delete-my-data').setDescription('Erase everything this bot stores about you')),
      subcommands: {
        'delete-my-data': async (interaction) => {
          const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId(`${BUTTONS}:confirm:${interaction.user.id}`).setLabel(this.t('privacy.confirmButton')).setStyle(ButtonStyle.Danger),
            new ButtonBuilder()
              .setCustomId(`${BUTTONS}:cancel:${interaction.user.id}`)
              .setLabel(this.t('privacy.cancelButton'))
              .setStyle(ButtonStyle.Secondary),
          );
          await interaction.reply({ content: this.t('privacy.confirm'), components: [row], flags: MessageFlags.Ephemeral });
        },
      },
    }),
  ];

  override components = [
    component({
      customId: BUTTONS,
      type: 'button',
      run: async (interaction, { args, correlationId }) => {
        const [action, userId] = args;
        if (userId !== interaction.user.id) {
          await interaction.reply({ content: this.t('privacy.notYours'), flags: MessageFlags.Ephemeral });
          return;
        }
        if (action !== 'confirm') {
          await interaction.update({ content: this.t('privacy.cancelled'), components: [] });
          return;
        }
        await interaction.deferUpdate();
        const report = await eraseUserData(this.services, userId, { requester: 'user', correlationId });
        await interaction.editReply({ content: formatErasure(report, (key, vars) => this.t(key, vars)), components: [] });
      },
    }),
  ];
}
