import { createRedisKeyValue, definePlugin, getLogContext } from '@baseline/core';
import { ActionRowBuilder, ApplicationCommandType, ButtonBuilder, ButtonStyle, ContextMenuCommandBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, component, contextMenu, listener, modal, slashCommand, type Bot } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

const seen: { members: string[]; contexts: Record<string, unknown>[] } = { members: [], contexts: [] };

class FeatureCog extends Cog {
  static override meta = { name: 'features' };

  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('tag')
        .setDescription('Tags')
        .addSubcommand((sub) =>
          sub
            .setName('show')
            .setDescription('Show a tag')
            .addStringOption((option) => option.setName('name').setDescription('Tag').setAutocomplete(true).setRequired(true)),
        )
        .addSubcommand((sub) => sub.setName('wave').setDescription('A button')),
      subcommands: {
        show: (interaction) => interaction.reply(`tag ${interaction.options.getString('name', true)}`),
        wave: (interaction) =>
          interaction.reply({
            content: 'wave?',
            components: [
              new ActionRowBuilder<ButtonBuilder>().addComponents(
                new ButtonBuilder().setCustomId('features-wave:42:yes').setLabel('Wave').setStyle(ButtonStyle.Primary),
              ),
            ],
          }),
      },
      autocomplete: (interaction) => interaction.respond([{ name: `${interaction.options.getFocused()}llo`, value: 'hello' }]),
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('boom').setDescription('Throws'),
      run: (_interaction, { logger }) => {
        seen.contexts.push({ ...getLogContext() });
        logger.info('about to fail');
        throw new Error('kaboom');
      },
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('late-boom').setDescription('Throws after replying'),
      run: async (interaction) => {
        await interaction.reply('first');
        throw new Error('late kaboom');
      },
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('guild-only').setDescription('Guilds only'),
      guildOnly: true,
      run: (interaction) => interaction.reply('in a guild'),
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('admin').setDescription('Managers only'),
      userPermissions: ['ManageGuild'],
      run: (interaction) => interaction.reply('managed'),
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('picky').setDescription('Custom check'),
      checks: [(interaction) => (interaction.user.username === 'owner' ? true : 'Only the owner may be picky.')],
      run: (interaction) => interaction.reply('picked'),
    }),
    slashCommand({
      data: new SlashCommandBuilder().setName('slow').setDescription('Cooldown'),
      cooldown: { durationMs: 60_000 },
      run: (interaction) => interaction.reply('done'),
    }),
    contextMenu({
      data: new ContextMenuCommandBuilder().setName('Inspect').setType(ApplicationCommandType.User),
      run: (interaction) => interaction.reply({ content: `target ${interaction.targetId}`, flags: MessageFlags.Ephemeral }),
    }),
  ];

  override listeners = [listener('guildMemberAdd', (member) => void seen.members.push(member.user.username))];

  override components = [
    component({ customId: 'features-wave', type: 'button', run: (interaction, { args }) => interaction.reply(`waved ${args.join('/')}`) }),
  ];

  override modals = [modal({ customId: 'features-form', run: (interaction) => interaction.reply(`got ${interaction.fields.getTextInputValue('text')}`) })];
}

const plugin = definePlugin({ id: 'features', name: 'Features', version: '1.0.0', cogs: [FeatureCog], intents: ['GuildMembers'] });

async function until(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !check(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check()).toBe(true);
}

describe('cog handlers', () => {
  let harness: BotHarness;
  let bot: Bot;
  let ids: ReturnType<typeof demoGuild>;
  beforeAll(async () => {
    harness = await createBotHarness();
    bot = await harness.start({ plugins: [plugin] });
    ids = demoGuild(harness.emulator);
  });
  afterAll(() => harness.close());

  it('GIVEN subcommand handlers THEN the matching one answers', async () => {
    const handle = harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'tag', subcommand: 'show', options: { name: 'x' } });
    expect((await handle.response()).data).toMatchObject({ content: 'tag x' });
  });

  it('GIVEN an autocomplete handler THEN choices come from it', async () => {
    const handle = harness.emulator.invokeAutocomplete({
      guildId: ids.guildId,
      userId: ids.aliceId,
      name: 'tag',
      subcommand: 'show',
      options: { name: 'he' },
      focused: 'name',
    });
    expect(await handle.choices()).toEqual([{ name: 'hello', value: 'hello' }]);
  });

  it('GIVEN a button routed by prefix THEN the handler gets the custom id arguments', async () => {
    const command = harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'tag', subcommand: 'wave' });
    const message = await command.reply();
    const click = harness.emulator.clickButton(message.id, 'features-wave:42:yes', ids.aliceId);
    expect((await click.response()).data).toMatchObject({ content: 'waved 42/yes' });
  });

  it('GIVEN a modal handler THEN the submission reaches it', async () => {
    const handle = harness.emulator.submitModal({ guildId: ids.guildId, userId: ids.aliceId, customId: 'features-form:1', fields: { text: 'hi' } });
    expect((await handle.response()).data).toMatchObject({ content: 'got hi' });
  });

  it('GIVEN a user context menu THEN its handler answers ephemerally', async () => {
    const handle = harness.emulator.invokeContextMenu({ guildId: ids.guildId, userId: ids.aliceId, name: 'Inspect', type: 'user', targetId: ids.ownerId });
    const response = await handle.response();
    expect(response.ephemeral).toBe(true);
    expect(response.data).toMatchObject({ content: `target ${ids.ownerId}` });
  });

  it('GIVEN a listener THEN it receives the event', async () => {
    harness.emulator.addUser({ username: 'bob' });
    harness.emulator.addMember(ids.guildId, { user: 'bob' });
    await until(() => seen.members.includes('bob'));
  });

  it('GIVEN a handler that throws THEN the user gets an ephemeral error with the correlation id, the log names plugin and cog, and the bot keeps answering', async () => {
    const handle = harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'boom' });
    const response = await handle.response();
    expect(response.ephemeral).toBe(true);
    const context = seen.contexts.at(-1)!;
    expect(context).toMatchObject({ guild_id: ids.guildId, user_id: ids.aliceId, plugin: 'features', cog: 'features' });
    const correlationId = context['correlation_id'] as string;
    expect((response.data as { content: string }).content).toContain(correlationId);
    const failure = harness.logs.find((line) => line.msg === 'command handler failed' && line['correlation_id'] === correlationId);
    expect(failure).toMatchObject({ plugin: 'features', cog: 'features', guild_id: ids.guildId, err: { message: 'kaboom' } });
    expect(harness.logs.find((line) => line.msg === 'about to fail')).toMatchObject({ correlation_id: correlationId, plugin: 'features', cog: 'features' });

    const after = harness.emulator.invokeSlashCommand({
      guildId: ids.guildId,
      userId: ids.aliceId,
      name: 'tag',
      subcommand: 'show',
      options: { name: 'still' },
    });
    expect((await after.response()).data).toMatchObject({ content: 'tag still' });
  });

  it('GIVEN a handler that throws after replying THEN the error comes as an ephemeral follow-up', async () => {
    const handle = harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'late-boom' });
    const followUp = await handle.followUp(0);
    expect(followUp.ephemeral).toBe(true);
    expect(followUp.content).toMatch(/Reference: `[0-9a-f-]{36}`/);
  });

  it('GIVEN a guild-only command invoked in DMs THEN it is refused ephemerally', async () => {
    const handle = harness.emulator.invokeSlashCommand({ userId: ids.aliceId, name: 'guild-only' });
    const response = await handle.response();
    expect(response.ephemeral).toBe(true);
    expect((response.data as { content: string }).content).not.toBe('in a guild');
  });

  it('GIVEN a permission precondition THEN a member without it is refused and the owner passes', async () => {
    const denied = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'admin' }).response();
    expect(denied.ephemeral).toBe(true);
    expect((denied.data as { content: string }).content).not.toBe('managed');
    const allowed = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.ownerId, name: 'admin' }).response();
    expect(allowed.data).toMatchObject({ content: 'managed' });
  });

  it('GIVEN a custom check THEN its message is the refusal', async () => {
    const denied = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'picky' }).response();
    expect(denied).toMatchObject({ ephemeral: true, data: { content: 'Only the owner may be picky.' } });
    const allowed = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.ownerId, name: 'picky' }).response();
    expect(allowed.data).toMatchObject({ content: 'picked' });
  });

  it('GIVEN a cooldown THEN the second use is refused and the cooldown lives in Redis for every process', async () => {
    const first = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'slow' }).response();
    expect(first.data).toMatchObject({ content: 'done' });
    const second = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'slow' }).response();
    expect(second.ephemeral).toBe(true);
    expect((second.data as { content: string }).content).toMatch(/cooldown/);
    const other = createRedisKeyValue({ url: harness.redis.url, prefix: harness.redis.prefix, logger: harness.logger });
    try {
      expect(await other.ttl(`cooldown:slow:user:${ids.aliceId}`)).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    const owner = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.ownerId, name: 'slow' }).response();
    expect(owner.data).toMatchObject({ content: 'done' });
    expect(bot.cogs.get('features')?.pluginId).toBe('features');
  });
});
