import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { startStandaloneEmulator, type StandaloneEmulator } from '../../src/standalone/index.js';
import { launchChromium } from './browser.js';

describe('Standalone emulator web page in headless Chromium', () => {
  let standalone: StandaloneEmulator;
  let client: Client;
  let context: BrowserContext;
  let userDataDir: string;
  let page: Page;
  const userId = (name: string) => [...standalone.emulator.state.users.values()].find((user) => user.username === name)!.id;

  beforeAll(async () => {
    ({ context, userDataDir } = await launchChromium());
    standalone = await startStandaloneEmulator();
    // A plain discord.js bot: /ping, an ephemeral /secret and a /vote whose reply carries a button.
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standalone.urls.rest } });
    client.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) {
        if (interaction.commandName === 'ping') await interaction.reply('pong');
        if (interaction.commandName === 'secret') await interaction.reply({ content: 'for your eyes only', flags: MessageFlags.Ephemeral });
        if (interaction.commandName === 'vote') {
          const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId('confirm').setLabel('Confirm').setStyle(ButtonStyle.Success),
          );
          await interaction.reply({ content: `vote: ${interaction.options.getString('choice', true)}`, components: [row] });
        }
        if (interaction.commandName === 'feedback') {
          const text = new TextInputBuilder().setCustomId('text').setLabel('Your feedback').setStyle(TextInputStyle.Short);
          await interaction.showModal(
            new ModalBuilder().setCustomId('feedback').setTitle('Feedback').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(text)),
          );
        }
      }
      if (interaction.isModalSubmit()) await interaction.reply(`thanks for "${interaction.fields.getTextInputValue('text')}"`);
      if (interaction.isButton()) await interaction.update({ content: `confirmed by ${interaction.user.username}`, components: [] });
    });
    const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
    await client.login(standalone.botToken);
    await ready;
    await client.application!.commands.set([
      { name: 'ping', description: 'Replies pong' },
      { name: 'secret', description: 'Replies only to you' },
      { name: 'feedback', description: 'Opens a form' },
      {
        name: 'vote',
        description: 'Casts a vote',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'choice',
            description: 'Your vote',
            required: true,
            choices: [
              { name: 'Yes', value: 'yes' },
              { name: 'No', value: 'no' },
            ],
          },
        ],
      },
    ]);
    page = await context.newPage();
    await page.goto(standalone.urls.page);
    await page.locator('.channel[data-name="general"]').click();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await client?.destroy();
    await standalone?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  async function runCommand(user: string, name: string) {
    await page.locator('#user-select').selectOption(userId(user));
    await page.locator(`#command-select option[value="${name}"]`).waitFor({ state: 'attached' });
    await page.locator('#command-select').selectOption(name);
  }

  it('GIVEN a user and a channel picked on the page WHEN /ping is run THEN the bot reply "pong" appears under that user', async () => {
    await runCommand('alice', 'ping');
    await page.locator('#run-command').click();
    const reply = page.locator('.message', { hasText: 'pong' });
    await reply.waitFor();
    await expect(reply.locator('.used').textContent()).resolves.toBe('Alice used /ping');
    await expect(reply.getAttribute('data-ephemeral')).resolves.toBe('false');
    const interaction = standalone.emulator.interactions().find((record) => (record.payload['data'] as { name?: string }).name === 'ping')!;
    expect(interaction.userId).toBe(userId('alice'));
    expect(interaction.response?.type).toBe(4);
  });

  it('GIVEN an ephemeral reply THEN the page marks it for the invoking user and hides it from another user', async () => {
    await runCommand('alice', 'secret');
    await page.locator('#run-command').click();
    const secret = page.locator('.message', { hasText: 'for your eyes only' });
    await secret.waitFor();
    await expect(secret.getAttribute('data-ephemeral')).resolves.toBe('true');
    await expect(secret.locator('.note').textContent()).resolves.toBe('Only you can see this');
    await page.locator('#user-select').selectOption(userId('bob'));
    await secret.waitFor({ state: 'detached' });
    await expect(page.locator('.message', { hasText: 'pong' }).count()).resolves.toBe(1);
  });

  it('GIVEN a command with a required choice option THEN the generated form sends it AND clicking the reply button runs the bot handler', async () => {
    await runCommand('alice', 'vote');
    const choice = page.locator('#option-fields select[name="choice"]');
    await expect(choice.locator('option').allTextContents()).resolves.toEqual(['', 'Yes', 'No']);
    await choice.selectOption('no');
    await page.locator('#run-command').click();
    const vote = page.locator('.message', { hasText: 'vote: no' });
    await vote.waitFor();
    await vote.locator('button[data-custom-id="confirm"]').click();
    await page.locator('.message', { hasText: 'confirmed by alice' }).waitFor();
    await expect(page.locator('button[data-custom-id="confirm"]').count()).resolves.toBe(0);
  });

  it('GIVEN a command that opens a modal THEN the page shows its form AND the submitted values reach the bot', async () => {
    await runCommand('alice', 'feedback');
    await page.locator('#run-command').click();
    const field = page.locator('#modal input[name="text"]');
    await field.waitFor();
    await expect(page.locator('#modal strong').textContent()).resolves.toBe('Feedback');
    await field.fill('great page');
    await page.locator('#modal button[value="submit"]').click();
    await page.locator('.message', { hasText: 'thanks for "great page"' }).waitFor();
  });

  it('GIVEN the members panel THEN a new user is added, renamed through the edit dialog AND removed, each reaching the emulator', async () => {
    await page.locator('#new-username').fill('erin');
    await page.locator('#join-form button[type="submit"]').click();
    const erin = page.locator('.member[data-member="erin"]');
    await erin.waitFor();
    await erin.locator('button', { hasText: 'edit' }).click();
    await page.locator('#member-form input[name="nick"]').fill('Erin the Great');
    await page.locator('#member-form label.check', { hasText: 'Mod' }).locator('input').check();
    await page.locator('#member-form button[value="save"]').click();
    await page.locator('.member[data-member="erin"]', { hasText: 'Erin the Great' }).waitFor();
    const guild = [...standalone.emulator.state.guilds.values()].find((candidate) => candidate.name === 'Baseline Demo')!;
    const member = guild.members.get(userId('erin'))!;
    expect(member.nick).toBe('Erin the Great');
    expect(member.roles.map((role) => guild.roles.get(role)?.name)).toEqual(['Mod']);
    await page.locator('.member[data-member="erin"] button', { hasText: 'remove' }).click();
    await erin.waitFor({ state: 'detached' });
    expect(guild.members.has(userId('erin'))).toBe(false);
  });

  it('GIVEN a message on the page THEN a reaction picked shows as a chip, a thread started from it is listed under its channel AND the DM view holds a DM', async () => {
    await page.locator('#user-select').selectOption(userId('alice'));
    await page.locator('#message-input').fill('lunch at noon?');
    await page.locator('#message-form button[type="submit"]').click();
    const message = page.locator('.message', { hasText: 'lunch at noon?' });
    await message.waitFor();
    await message.locator('select.react-picker').selectOption('🎉');
    await message.locator('.reaction[data-emoji="🎉"]', { hasText: '🎉 1' }).waitFor();
    const sent = standalone.emulator.messages([...standalone.emulator.state.channels.values()].find((channel) => channel.name === 'general')!.id).at(-1)!;
    expect(sent.reactions).toEqual([{ emoji: '🎉', userIds: [userId('alice')] }]);

    await message.locator('button[data-start-thread]').click();
    await page.locator('.channel.thread[data-thread="lunch at noon?"]').waitFor();
    await expect(page.locator('#channel-title').textContent()).resolves.toBe('🧵 lunch at noon?');
    await page.locator('#message-input').fill('in the thread');
    await page.locator('#message-form button[type="submit"]').click();
    await page.locator('.message', { hasText: 'in the thread' }).waitFor();
    expect(standalone.emulator.messages(sent.id).map((entry) => entry.content)).toEqual(['in the thread']);

    await page.locator('.channel[data-dm="true"]').click();
    await page.locator('#message-input').fill('hello bot, privately');
    await page.locator('#message-form button[type="submit"]').click();
    await page.locator('.message', { hasText: 'hello bot, privately' }).waitFor();
    expect(standalone.emulator.messages(standalone.emulator.dmChannel('alice').id).map((entry) => entry.content)).toEqual(['hello bot, privately']);
  });
});
