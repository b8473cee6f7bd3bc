import { definePlugin } from '@baseline/core';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, listener, slashCommand } from '../../src/index.js';
import { createPluginHarness, type PluginHarness } from '../../src/testing/index.js';

/** `/where say text:…` answers with the guild, the channel and the text; a member joining is greeted in the first text channel. */
class WhereCog extends Cog {
  static override meta = { name: 'where' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('where')
        .setDescription('Where am I')
        .addSubcommand((sub) =>
          sub
            .setName('say')
            .setDescription('Say something here')
            .addStringOption((option) => option.setName('text').setDescription('Text').setRequired(true)),
        )
        .addSubcommand((sub) => sub.setName('plain').setDescription('Only the place')),
      run: async (interaction) => {
        const place = `${interaction.guild?.name ?? '?'}/#${interaction.channel && 'name' in interaction.channel ? interaction.channel.name : '?'}`;
        const text = interaction.options.getSubcommand() === 'say' ? ` ${interaction.options.getString('text', true)}` : '';
        await interaction.reply(`${place} ${interaction.user.username}${text}`);
      },
    }),
  ];
  override listeners = [
    listener('guildMemberAdd', async (member) => {
      const channel = member.guild.channels.cache.find((candidate) => candidate.name === 'general');
      if (channel?.isSendable()) await channel.send(`welcome ${member.user.username}`);
    }),
  ];
}

const wherePlugin = definePlugin({ id: 'where', name: 'Where', version: '1.0.0', cogs: [WhereCog], intents: ['GuildMembers'] });

describe('the plugin harness driver', () => {
  let harness: PluginHarness;
  beforeAll(async () => {
    harness = await createPluginHarness(wherePlugin, {
      seed: {
        users: [{ username: 'owner' }, { username: 'alice' }],
        guilds: [
          { name: 'Harbour', owner: 'owner', channels: [{ name: 'lounge', type: 2 }, { name: 'general' }, { name: 'random' }], members: [{ user: 'alice' }] },
          { name: 'Meadow', owner: 'owner', channels: [{ name: 'general' }], members: [{ user: 'alice' }] },
        ],
      },
    });
  });
  afterAll(() => harness?.close());

  it('GIVEN no place THEN a command runs in the first guild and its first text channel (a voice channel before it is passed over)', async () => {
    const reply = await harness.driver.run('where', { as: 'alice', subcommand: 'plain' }).reply();
    expect(reply.content).toBe('Harbour/#general alice');
    expect(harness.driver.channelId()).toBe(harness.driver.channelId({ guild: 'Harbour', channel: 'general' }));
  });

  it('GIVEN a guild and a channel by name, or by id THEN the command runs there with its subcommand and options', async () => {
    const byName = await harness.driver.run('where', { as: 'alice', guild: 'Meadow', subcommand: 'say', options: { text: 'hi' } }).reply();
    expect(byName.content).toBe('Meadow/#general alice hi');
    const randomId = harness.driver.channelId({ guild: 'Harbour', channel: 'random' });
    const byId = await harness.driver
      .run('where', { as: 'alice', guild: harness.driver.guildId('Harbour'), channel: randomId, subcommand: 'say', options: { text: 'there' } })
      .reply();
    expect(byId.content).toBe('Harbour/#random alice there');
    expect(harness.driver.messages({ guild: 'Harbour', channel: 'random' }).map((message) => message.content)).toContain('Harbour/#random alice there');
  });

  it('GIVEN a name the seed lacks THEN the driver says what to add to the seed', () => {
    expect(() => harness.driver.guildId('Nowhere')).toThrow('no guild Nowhere in the emulator: add it to the harness seed');
    expect(() => harness.driver.channelId({ guild: 'Meadow', channel: 'random' })).toThrow('no channel random in guild "Meadow": add it to the harness seed');
    expect(() => harness.driver.userId('mallory')).toThrow('no user "mallory" in the emulator: add it to the harness seed\'s users');
    expect(() => harness.driver.run('where', { as: 'mallory', subcommand: 'plain' })).toThrow('no user "mallory"');
  });

  it('GIVEN a guild without a text channel THEN the default channel is refused with a hint', () => {
    harness.emulator.addGuild({ name: 'Voice Only', owner: 'owner', channels: [{ name: 'talk', type: 2 }] });
    expect(() => harness.driver.channelId({ guild: 'Voice Only' })).toThrow('no channel (text) in guild "Voice Only"');
  });

  it('GIVEN an unknown user joins THEN the user is created and the bot sees the join; WHEN a member leaves THEN the guild no longer lists them', async () => {
    harness.driver.join('carol', { guild: 'Meadow' });
    const meadow = harness.driver.guildId('Meadow');
    await expect.poll(() => harness.driver.messages({ guild: 'Meadow' }).map((message) => message.content)).toContain('welcome carol');
    expect(harness.emulator.state.guilds.get(meadow)?.members.has(harness.driver.userId('carol'))).toBe(true);

    // A known user joins the first guild without a place.
    harness.driver.join('carol');
    await expect.poll(() => harness.driver.messages().map((message) => message.content)).toContain('welcome carol');

    harness.driver.leave('carol', { guild: 'Meadow' });
    expect(harness.emulator.state.guilds.get(meadow)?.members.has(harness.driver.userId('carol'))).toBe(false);
    harness.driver.leave('alice');
    expect(harness.emulator.state.guilds.get(harness.driver.guildId())?.members.has(harness.driver.userId('alice'))).toBe(false);
  });
});

describe('createPluginHarness when the bot cannot start', () => {
  it('GIVEN no bot token THEN it rejects with BL_ERR_BOT_TOKEN_MISSING', async () => {
    await expect(createPluginHarness(wherePlugin, { env: { DISCORD_BOT_TOKEN: '' } })).rejects.toMatchObject({ code: 'BL_ERR_BOT_TOKEN_MISSING' });
  });
});
