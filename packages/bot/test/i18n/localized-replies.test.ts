import { definePlugin } from '@baseline/core';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, slashCommand, type Bot } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

class GreeterCog extends Cog {
  static override meta = { name: 'greeter' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder().setName('greet').setDescription('Say hi'),
      run: (interaction) => interaction.reply(this.t('hi', { name: interaction.user.username })),
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('crash').setDescription('Always fails'),
      run: () => {
        throw new Error('boom');
      },
    }),
  ];
}

const greeter = definePlugin({
  id: 'greeter',
  name: 'Greeter',
  version: '1.0.0',
  cogs: [GreeterCog],
  locales: {
    en: { hi: 'Hi {{name}}', commands: { greet: { name: 'greet', description: 'Say hi' } } },
    fr: { hi: 'Salut {{name}}', commands: { greet: { name: 'saluer', description: 'Dire bonjour' } } },
  },
});

interface Embed {
  title: string;
  fields: { name: string; value: string }[];
}

describe('localized replies', () => {
  let harness: BotHarness;
  let bot: Bot;
  let demo: ReturnType<typeof demoGuild>;
  let secondGuildId: string;
  beforeAll(async () => {
    harness = await createBotHarness({
      seed: {
        users: [{ username: 'owner' }, { username: 'alice', locale: 'fr' }],
        guilds: [
          { name: 'Demo', owner: 'owner', members: [{ user: 'alice' }] },
          { name: 'Second', owner: 'owner', members: [{ user: 'alice' }] },
        ],
      },
    });
    bot = await harness.start({ plugins: [greeter] });
    demo = demoGuild(harness.emulator);
    secondGuildId = [...harness.emulator.state.guilds.values()].find((guild) => guild.name === 'Second')!.id;
    await bot.services.settings.set(demo.guildId, 'baseline', { locale: 'fr' });
  });
  afterAll(() => harness.close());

  it('GIVEN a guild set to French THEN /status, plugin replies and error replies come back in French', async () => {
    const status = await harness.emulator.invokeSlashCommand({ guildId: demo.guildId, userId: demo.ownerId, name: 'status' }).reply();
    const [embed] = status.embeds as Embed[];
    expect(embed!.title).toBe('État du bot');
    expect(embed!.fields.map((field) => field.name)).toContain('Disponibilité');
    expect(embed!.fields.find((field) => field.name === 'Shard')?.value).toBe('0 sur 1');

    const greeting = await harness.emulator.invokeSlashCommand({ guildId: demo.guildId, userId: demo.ownerId, name: 'greet' }).reply();
    expect(greeting.content).toBe('Salut owner');

    const crash = await harness.emulator.invokeSlashCommand({ guildId: demo.guildId, userId: demo.ownerId, name: 'crash' }).reply();
    expect(crash.content).toMatch(/^Une erreur est survenue pendant le traitement\. Référence : `[0-9a-f-]{36}`$/);
  });

  it('GIVEN a guild with no setting THEN its preferred locale wins over the user locale, and "user" follows each member', async () => {
    const english = await harness.emulator.invokeSlashCommand({ guildId: secondGuildId, userId: demo.aliceId, name: 'greet' }).reply();
    expect(english.content).toBe('Hi alice');
    await bot.services.settings.set(secondGuildId, 'baseline', { locale: 'user' });
    const french = await harness.emulator.invokeSlashCommand({ guildId: secondGuildId, userId: demo.aliceId, name: 'greet' }).reply();
    expect(french.content).toBe('Salut alice');
    const owner = await harness.emulator.invokeSlashCommand({ guildId: secondGuildId, userId: demo.ownerId, name: 'greet' }).reply();
    expect(owner.content).toBe('Hi owner');
  });

  it('GIVEN the locale files THEN the registered commands carry Discord localizations for French', () => {
    const commands = new Map(harness.emulator.commands().map((command) => [command.body.name, command.body as Record<string, unknown>]));
    expect(commands.get('status')).toMatchObject({
      name_localizations: { fr: 'statut' },
      description_localizations: { fr: expect.stringContaining('état du bot') },
    });
    expect(commands.get('greet')).toMatchObject({ name_localizations: { fr: 'saluer' }, description_localizations: { fr: 'Dire bonjour' } });
    expect(commands.get('privacy')).toMatchObject({
      name_localizations: { fr: 'confidentialite' },
      options: [expect.objectContaining({ name: 'delete-my-data', name_localizations: { fr: 'supprimer-mes-donnees' } })],
    });
    // Only the languages shipped: no German or English entries.
    expect(Object.keys(commands.get('greet')!['name_localizations'] as object)).toEqual(['fr']);
  });

  it('GIVEN the dashboard schema THEN the baseline locale setting offers the shipped languages', () => {
    const schema = bot.services.settings.jsonSchema('baseline') as { properties: { locale: { enum: string[] } } };
    expect(schema.properties.locale.enum).toEqual(['user', 'en', 'fr']);
  });
});
