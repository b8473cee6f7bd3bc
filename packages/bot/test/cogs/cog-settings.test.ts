import { createServices, defineSettings, definePlugin, loadConfig, type BaselineServices } from '@baseline/core';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { Cog, slashCommand, type Bot } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

const welcomeSettings = defineSettings(z.object({ greeting: z.string().default('Hello'), loud: z.boolean().default(false) }));

class WelcomeCog extends Cog<typeof welcomeSettings> {
  static override meta = { name: 'welcome' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder().setName('greet').setDescription('Greets'),
      run: async (interaction) => {
        const settings = await this.settings.get(interaction.guildId!);
        expectTypeOf(settings).toEqualTypeOf<Readonly<{ greeting: string; loud: boolean }>>();
        await interaction.reply(settings.loud ? settings.greeting.toUpperCase() : settings.greeting);
      },
    }),
  ];
}

const plugin = definePlugin({ id: 'welcome', name: 'Welcome', version: '1.0.0', cogs: [WelcomeCog], settings: welcomeSettings });

describe('settings in cogs', () => {
  let harness: BotHarness;
  let bot: Bot;
  let api: BaselineServices;
  beforeAll(async () => {
    harness = await createBotHarness();
    bot = await harness.start({ plugins: [plugin] });
    // Another process of the deployment (the API): its own connections to the same PostgreSQL and Redis.
    api = await createServices({
      service: 'api',
      config: loadConfig({ env: harness.env, envFiles: false }),
      logger: harness.logger,
      kvPrefix: harness.redis.prefix,
      discover: false,
      plugins: [plugin],
    });
  });
  afterAll(async () => {
    await api.close();
    await harness.close();
  });

  it('GIVEN settings changed by another process THEN the cog reads the new value on its next command', async () => {
    const { guildId, aliceId } = demoGuild(harness.emulator);
    const greet = async () =>
      ((await harness.emulator.invokeSlashCommand({ guildId, userId: aliceId, name: 'greet' }).response()).data as { content: string }).content;
    expect(await greet()).toBe('Hello');

    const heard = new Promise<void>((resolve) => {
      const off = bot.services.settings.onChange((change) => {
        if (change.source === 'remote' && change.guildId === guildId) {
          off();
          resolve();
        }
      });
    });
    await api.settings.set(guildId, 'welcome', { greeting: 'Howdy', loud: true });
    await heard;
    expect(await greet()).toBe('HOWDY');
  });

  it('GIVEN a cog writes settings THEN they are validated against the plugin schema', async () => {
    const cog = bot.cogs.get('welcome')!.cog as unknown as WelcomeCog;
    const { guildId } = demoGuild(harness.emulator);
    await expect(cog.settings.set(guildId, { greeting: 42 as never })).rejects.toMatchObject({ code: 'BL_ERR_SETTINGS_INVALID' });
    await expect(cog.settings.set(guildId, { loud: false })).resolves.toEqual({ greeting: 'Howdy', loud: false });
  });
});
