import { loadConfig } from '@baseline/core';
import { createDiscordEmulator, type DiscordEmulator } from '@baseline/testing';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, slashCommand, type CogClass } from '../../src/index.js';
import { createBotHarness, type BotHarness } from '../runtime/support/bot-harness.js';

class TwoCommandsCog extends Cog {
  static override meta = { name: 'two-commands' };
  override commands = ['one', 'two'].map((name) =>
    slashCommand({ data: new SlashCommandBuilder().setName(name).setDescription(name), run: (interaction) => interaction.reply(name) }),
  );
}
const cogs: CogClass[] = [TwoCommandsCog];

describe('daily command-create budget', () => {
  let harness: BotHarness;
  let other: DiscordEmulator;
  beforeAll(async () => {
    harness = await createBotHarness();
    other = await createDiscordEmulator({
      seed: { users: [{ username: 'owner' }], guilds: [{ name: 'Other', owner: 'owner' }] },
      gateway: { identifyIntervalMs: 0 },
    });
  });
  afterAll(async () => {
    await harness.close();
    await other.close();
  });

  it('GIVEN two applications sharing one key-value store THEN each has its own daily budget (regression: the counter key had no application id)', async () => {
    expect(other.applicationId).not.toBe(harness.emulator.applicationId);
    const first = await harness.start({ cogs, commandSync: { dailyCreateLimit: 4 } });
    expect(first.commands.lastSync?.writes).toBe(4);
    await first.close();

    const config = loadConfig({ env: { ...harness.env, DISCORD_BOT_TOKEN: other.botToken, DISCORD_API_BASE_URL: other.restUrl }, envFiles: false });
    const second = await harness.start({ config, clientOptions: other.clientOptions(), cogs, commandSync: { dailyCreateLimit: 4 } });
    expect(second.commands.lastSync?.writes).toBe(4);
    expect(
      other
        .commands()
        .map((command) => command.body.name)
        .sort(),
    ).toEqual(['one', 'privacy', 'status', 'two']);
    await second.close();
  });
});
