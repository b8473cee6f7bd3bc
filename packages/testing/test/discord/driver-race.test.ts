import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ComponentType, type Client } from 'discord.js';
import type { DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

const ROUNDS = 50;

describe('Discord emulator driver waits and the bot returning from its REST call', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let guildId: string;
  let channelId: string;
  const missed: string[] = [];

  beforeAll(async () => {
    emulator = await testEmulator();
    const seeded = seededGuild(emulator);
    guildId = seeded.guild.id;
    channelId = seeded.channel('general').id;
    client = testClient(emulator);
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('go').setLabel('Go').setStyle(ButtonStyle.Primary));
      const response = await interaction.reply({ content: 'press', components: [row] });
      // The collector is attached only once reply() returned: the README's own pattern.
      try {
        const click = await response.awaitMessageComponent({ componentType: ComponentType.Button, time: 5000 });
        await click.update({ content: `pressed by ${click.user.username}`, components: [] });
      } catch {
        missed.push(interaction.id);
      }
    });
    await loginReady(client, emulator.botToken);
    await client.application!.commands.create({ name: 'press', description: 'Shows a button' }, guildId);
  });

  afterAll(async () => {
    await client.destroy();
    await emulator.close();
  });

  it(`GIVEN a button clicked the moment reply() resolves, with a collector attached after interaction.reply() returned THEN the bot sees the click, ${ROUNDS} times out of ${ROUNDS}`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'press' });
      const reply = await call.reply();
      const click = emulator.clickButton(reply.id, 'go', 'alice');
      const updated = await click.reply(8000).catch(() => null);
      expect({ round, content: updated?.content }).toEqual({ round, content: 'pressed by alice' });
    }
    expect(missed).toEqual([]);
    expect(emulator.unimplementedRequests).toEqual([]);
  }, 120_000);
});
