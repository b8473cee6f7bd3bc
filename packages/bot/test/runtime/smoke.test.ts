import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, slashCommand } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from './support/bot-harness.js';

class PingCog extends Cog {
  static override meta = { name: 'ping' };
  override commands = [slashCommand({ data: new SlashCommandBuilder().setName('ping').setDescription('Pong'), run: (interaction) => interaction.reply('pong') })];
}

describe('smoke', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await createBotHarness();
  });
  afterAll(() => harness.close());

  it('GIVEN a cog THEN its command answers', async () => {
    await harness.start({ cogs: [PingCog] });
    const { guildId, aliceId } = demoGuild(harness.emulator);
    const handle = harness.emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'ping' });
    const response = await handle.response();
    expect(response.data).toMatchObject({ content: 'pong' });
  });
});
