import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Client,
  type Interaction,
} from 'discord.js';
import type { DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

describe('Discord emulator interactions through discord.js', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let guildId: string;
  let channelId: string;
  const seen: Interaction[] = [];

  beforeAll(async () => {
    emulator = await testEmulator();
    const seeded = seededGuild(emulator);
    guildId = seeded.guild.id;
    channelId = seeded.channel('general').id;
    client = testClient(emulator);
    client.on('interactionCreate', async (interaction) => {
      seen.push(interaction);
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed}-one`, value: `${typed}1` }]);
        return;
      }
      if (interaction.isChatInputCommand()) {
        const mode = interaction.options.getString('mode') ?? 'reply';
        if (mode === 'reply') await interaction.reply(`pong ${interaction.options.getUser('target')?.username ?? ''}`.trim());
        if (mode === 'ephemeral') await interaction.reply({ content: 'secret', flags: MessageFlags.Ephemeral });
        if (mode === 'defer') {
          await interaction.deferReply();
          await interaction.editReply('done later');
        }
        if (mode === 'defer-delete-followup') {
          await interaction.deferReply();
          await interaction.deleteReply();
          await interaction.followUp({ content: 'private after all', flags: MessageFlags.Ephemeral });
        }
        if (mode === 'followup') {
          await interaction.reply('first');
          await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
        }
        if (mode === 'button') {
          const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId('confirm').setLabel('Confirm').setStyle(ButtonStyle.Primary),
          );
          await interaction.reply({ content: 'press it', components: [row] });
        }
        if (mode === 'modal') {
          const input = new TextInputBuilder().setCustomId('text').setLabel('Text').setStyle(TextInputStyle.Short);
          await interaction.showModal(
            new ModalBuilder().setCustomId('feedback').setTitle('Feedback').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
          );
        }
        return;
      }
      if (interaction.isButton()) {
        await interaction.update({ content: `confirmed by ${interaction.user.username}`, components: [] });
        return;
      }
      if (interaction.isModalSubmit()) {
        await interaction.reply(`thanks: ${interaction.fields.getTextInputValue('text')}`);
        return;
      }
      if (interaction.isUserContextMenuCommand()) await interaction.reply(`inspecting ${interaction.targetUser.username}`);
    });
    await loginReady(client, emulator.botToken);
    await client.application!.commands.create(
      {
        name: 'ping',
        description: 'Ping',
        options: [
          { type: ApplicationCommandOptionType.String, name: 'mode', description: 'How to answer', autocomplete: true },
          { type: ApplicationCommandOptionType.User, name: 'target', description: 'Someone' },
        ],
      },
      guildId,
    );
    await client.application!.commands.create({ name: 'Inspect', type: ApplicationCommandType.User }, guildId);
  });

  afterAll(async () => {
    await client.destroy();
    await emulator.close();
  });

  it('GIVEN a registered guild command THEN the registry echoes it with id, application_id and guild_id', () => {
    const [ping] = emulator.commands(guildId).filter((command) => command.body.name === 'ping');
    expect(ping?.body).toMatchObject({ name: 'ping', description: 'Ping', type: 1, application_id: emulator.applicationId, guild_id: guildId });
  });

  it('GIVEN a slash command with a USER option THEN discord.js receives a ChatInputCommandInteraction with the resolved user AND the reply is recorded', async () => {
    const bob = seededGuild(emulator).user('bob');
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'ping', options: { target: bob.id } });
    const response = await call.response();
    expect(response).toMatchObject({ type: 4, ephemeral: false });
    expect((await call.reply()).content).toBe('pong bob');
    const interaction = seen.find((candidate) => candidate.id === call.id);
    expect(interaction?.isChatInputCommand()).toBe(true);
    expect(interaction?.user.username).toBe('alice');
    expect(emulator.messages(channelId).some((message) => message.content === 'pong bob')).toBe(true);
  });

  it('GIVEN an ephemeral reply THEN the response carries flag 64 AND the message is not listed in the channel', async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'ping', options: { mode: 'ephemeral' } });
    const reply = await call.reply();
    expect(reply).toMatchObject({ content: 'secret', ephemeral: true });
    expect(emulator.messages(channelId).some((message) => message.id === reply.id)).toBe(false);
  });

  it('GIVEN deferReply then editReply THEN the response is deferred AND the original ends with the edited content', async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'bob', name: 'ping', options: { mode: 'defer' } });
    expect(await call.response()).toMatchObject({ type: 5, deferred: true });
    expect(await call.reply()).toMatchObject({ content: 'done later', loading: false, edited: true });
  });

  it('GIVEN reply then followUp THEN the follow-up is a separate ephemeral message', async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'bob', name: 'ping', options: { mode: 'followup' } });
    expect((await call.reply()).content).toBe('first');
    expect(await call.followUp(0)).toMatchObject({ content: 'second', ephemeral: true });
  });

  it('GIVEN deferReply, deleteReply, then followUp THEN the follow-up is a message of its own, not an edit of the deleted original', async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'bob', name: 'ping', options: { mode: 'defer-delete-followup' } });
    expect(await call.followUp(0)).toMatchObject({ content: 'private after all', ephemeral: true, deleted: false });
    expect(emulator.messages(channelId).some((message) => message.content === 'private after all')).toBe(false);
  });

  it('GIVEN a reply with a button WHEN a user clicks it THEN the bot updates that message', async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'ping', options: { mode: 'button' } });
    const reply = await call.reply();
    expect(reply.components).toHaveLength(1);
    const click = emulator.clickButton(reply.id, 'confirm', 'bob');
    expect((await click.response()).type).toBe(7);
    expect(emulator.state.messages.get(reply.id)?.content).toBe('confirmed by bob');
  });

  it('GIVEN a command that shows a modal WHEN the user submits it THEN the bot reads the field', async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'ping', options: { mode: 'modal' } });
    expect(await call.modal()).toMatchObject({ custom_id: 'feedback', title: 'Feedback' });
    const submit = emulator.submitModal({ guildId, channelId, userId: 'alice', customId: 'feedback', fields: { text: 'great' } });
    expect((await submit.reply()).content).toBe('thanks: great');
  });

  it('GIVEN waits for answers the bot never gives, with different timeouts THEN each fails with BL_ERR_EMULATOR_TIMEOUT AND a wait for the answer it gave resolves', async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'ping', options: { mode: 'modal' } });
    const missing = Promise.allSettled([call.reply(200), call.followUp(0, 50), call.choices(100)]);
    expect((await call.modal())['custom_id']).toBe('feedback');
    const outcomes = await missing;
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as { code?: unknown }).code)).toEqual([
      'BL_ERR_EMULATOR_TIMEOUT',
      'BL_ERR_EMULATOR_TIMEOUT',
      'BL_ERR_EMULATOR_TIMEOUT',
    ]);
  });

  it('GIVEN autocomplete on an option THEN the bot returns choices for the focused value', async () => {
    const call = emulator.invokeAutocomplete({ guildId, channelId, userId: 'alice', name: 'ping', options: { mode: 'ep' }, focused: 'mode' });
    expect(await call.choices()).toEqual([{ name: 'ep-one', value: 'ep1' }]);
  });

  it('GIVEN a user context-menu command THEN the bot sees the target user', async () => {
    const bob = seededGuild(emulator).user('bob');
    const call = emulator.invokeContextMenu({ guildId, channelId, userId: 'alice', name: 'Inspect', type: 'user', targetId: bob.id });
    expect((await call.reply()).content).toBe('inspecting bob');
  });

  it('GIVEN an answered interaction WHEN it is answered again over REST THEN Discord code 40060 is returned', async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'ping' });
    await call.response();
    const again = await fetch(`${emulator.restUrl}/v10/interactions/${call.id}/${call.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'twice' } }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });
  });
  it("GIVEN callback bodies Discord rejects THEN 400 / 50035 Invalid Form Body names each bad field with Discord's error code", async () => {
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'ping' });
    await call.response();
    const post = async (body: unknown) => {
      const response = await fetch(`${emulator.restUrl}/v10/interactions/${call.id}/${call.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await post({ data: { content: 'no type' } })).toEqual({
      status: 400,
      body: { code: 50035, message: 'Invalid Form Body', errors: { type: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } } },
    });
    expect(await post({ type: 3, data: { flags: 'x' } })).toEqual({
      status: 400,
      body: {
        code: 50035,
        message: 'Invalid Form Body',
        errors: {
          type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {1, 4, 5, 6, 7, 8, 9}.' }] },
          data: { flags: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Value "x" is not int.' }] } },
        },
      },
    });
    expect(await post({ type: 4, data: 'pong' })).toMatchObject({
      status: 400,
      body: { errors: { data: { _errors: [{ code: 'MODEL_TYPE_CONVERT' }] } } },
    });
  });

  it('GIVEN interactions from one member WHEN the driver or the bot over REST changes their nickname, roles or channel overwrites THEN the next interaction payload carries the change', async () => {
    const carol = seededGuild(emulator).user('carol');
    emulator.addMember(guildId, { user: 'carol' });
    const memberOf = async () => {
      const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'carol', name: 'ping' });
      await call.reply();
      const interaction = seen.find((candidate) => candidate.id === call.id);
      return { payload: call.payload['member'] as { nick: string | null; roles: string[]; permissions: string }, interaction };
    };
    const before = await memberOf();
    expect(before.payload).toMatchObject({ nick: null, roles: [] });
    const modRole = [...emulator.state.guilds.get(guildId)!.roles.values()].find((role) => role.name === 'Mod')!;

    emulator.updateMember(guildId, 'carol', { nick: 'Caz', roles: ['Mod'] });
    const driverChanged = await memberOf();
    expect(driverChanged.payload).toMatchObject({ nick: 'Caz', roles: [modRole.id] });
    expect(BigInt(driverChanged.payload.permissions) & 2n).toBe(2n);
    expect(driverChanged.interaction?.inCachedGuild() && driverChanged.interaction.member.nickname).toBe('Caz');

    // The bot needs MANAGE_NICKNAMES, MANAGE_ROLES and MANAGE_CHANNELS for the REST changes.
    emulator.setRolePermissions(guildId, emulator.botRole(guildId)!.id, 8);
    const guild = client.guilds.cache.get(guildId)!;
    await guild.members.edit(carol.id, { nick: 'Carolyn', roles: [] });
    const channel = guild.channels.cache.get(channelId)!;
    if (!('permissionOverwrites' in channel)) throw new Error('general is not a guild text channel');
    const overwritesBefore = [...channel.permissionOverwrites.cache.values()];
    await channel.permissionOverwrites.set([...overwritesBefore, { id: carol.id, deny: ['SendMessages'] }]);
    const restChanged = await memberOf();
    expect(restChanged.payload).toMatchObject({ nick: 'Carolyn', roles: [] });
    expect(BigInt(restChanged.payload.permissions) & 2048n).toBe(0n);
    expect(restChanged.interaction?.memberPermissions?.has('SendMessages')).toBe(false);
    await channel.permissionOverwrites.set(overwritesBefore);
  });
});
