import { Cog, component, cronTask, listener, oneOffTask, slashCommand } from '@baseline/bot';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { referenceSettings } from './settings.js';
import type { referenceStorage } from './storage.js';
import { Wave } from './wave.entity.js';

/**
 * The reference cog: `/hello` greets with the guild's configured greeting and offers a Wave button, the
 * button stores a row in the plugin's own table, `/waves` reads them back, and a listener counts joins in the
 * plugin's storage.
 */
export class ReferenceCog extends Cog<typeof referenceSettings, typeof referenceStorage> {
  static override meta = { name: 'reference', description: 'Greetings, waves and join counts' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('hello')
        .setDescription('Greets you with this server’s greeting')
        .addStringOption((option) => option.setName('name').setDescription('Who to greet').setMaxLength(50)),
      guildOnly: true,
      cooldown: { durationMs: 3_000, scope: 'member' },
      run: async (interaction, { logger }) => {
        const { greeting } = await this.settings.get(interaction.guildId);
        const name = interaction.options.getString('name') ?? interaction.user.username;
        logger.info({ greeting }, 'greeting');
        const wave = new ButtonBuilder()
          .setCustomId(`reference-wave:${interaction.user.id}`)
          .setLabel(this.t('hello.waveButton'))
          .setStyle(ButtonStyle.Primary);
        await interaction.reply({
          content: this.t('hello.reply', { greeting, name }),
          components: [new ActionRowBuilder<ButtonBuilder>().addComponents(wave)],
        });
      },
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('waves').setDescription('How many waves and joins this server has seen'),
      guildOnly: true,
      run: async (interaction) => {
        const guildId = interaction.guildId;
        const waves = await this.services.db.fork().count(Wave, { guildId });
        const joins = await this.storage.guild(guildId).get('joins');
        await interaction.reply({ content: this.t('waves.summary', { waves, joins }), flags: MessageFlags.Ephemeral });
      },
    }),
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('remind')
        .setDescription('Reminds you to wave in this channel later')
        .addIntegerOption((option) => option.setName('minutes').setDescription('In how many minutes').setMinValue(1).setMaxValue(1440).setRequired(true)),
      guildOnly: true,
      run: async (interaction) => {
        const minutes = interaction.options.getInteger('minutes', true);
        await this.schedule('remind', {
          delayMs: minutes * 60_000,
          guildId: interaction.guildId,
          payload: { channelId: interaction.channelId, userId: interaction.user.id },
        });
        await interaction.reply({ content: `I will remind you in ${minutes} minute(s).`, flags: MessageFlags.Ephemeral });
      },
    }),
  ];

  override tasks = [
    // Runs once per deployment each morning, for each guild; stops for a guild the bot leaves.
    cronTask({
      name: 'morning-waves',
      cron: '0 9 * * *',
      timeZone: 'UTC',
      perGuild: true,
      run: async ({ guildId, logger }) => logger.info({ waves: await this.services.db.fork().count(Wave, { guildId }) }, 'waves so far'),
    }),
    // Scheduled by /remind; survives a restart of the bot (with Redis).
    oneOffTask<{ channelId: string; userId: string }>({
      name: 'remind',
      run: async ({ payload }) => {
        const channel = await this.client.channels.fetch(payload.channelId);
        if (channel?.isSendable()) await channel.send(`<@${payload.userId}>, time to wave!`);
      },
    }),
  ];

  override components = [
    component({
      customId: 'reference-wave',
      type: 'button',
      run: async (interaction, { args: [greetedUserId] }) => {
        const em = this.services.db.fork();
        em.create(Wave, { guildId: interaction.guildId!, userId: interaction.user.id });
        await em.flush();
        const waves = await em.count(Wave, { guildId: interaction.guildId! });
        await interaction.reply({
          content: this.t('waves.waved', { user: interaction.user.id, greeted: greetedUserId, count: waves }),
          flags: MessageFlags.Ephemeral,
        });
      },
    }),
  ];

  override listeners = [
    listener('guildMemberAdd', async (member, { logger }) => {
      const { countNewMembers } = await this.settings.get(member.guild.id);
      if (!countNewMembers) return;
      const joins = await this.storage.guild(member.guild.id).incr('joins');
      logger.info({ joins }, 'member joined');
    }),
  ];
}
