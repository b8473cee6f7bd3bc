import { loadConfig } from '@baseline/core';
import type { LlmMessage, RunToolsResult } from '@baseline/llm';
import { createLlmEmulators, llmEmulatorEnv, llmReply, type LlmEmulators } from '@baseline/testing';
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, discordTools, slashCommand } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

const results: RunToolsResult[] = [];

/** A command handing the Discord tools to the model, acting for whoever invoked it. */
class AgentCog extends Cog {
  static override meta = { name: 'agent' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('agent')
        .setDescription('Ask the AI about this server')
        .addStringOption((option) => option.setName('question').setDescription('Question').setRequired(true)),
      guildOnly: true,
      run: async (interaction) => {
        await interaction.deferReply();
        const result = await this.llm.runTools({
          provider: 'openai',
          prompt: interaction.options.getString('question', true),
          tools: discordTools(interaction),
        });
        results.push(result);
        await interaction.editReply(result.text);
      },
    }),
  ];
}

describe('discordTools in runTools (Discord emulator, provider emulator, PostgreSQL, Redis)', () => {
  let harness: BotHarness;
  let llm: LlmEmulators;
  let staffId: string;
  beforeAll(async () => {
    harness = await createBotHarness();
    llm = await createLlmEmulators();
    await harness.start({ config: loadConfig({ env: { ...harness.env, ...llmEmulatorEnv(llm) }, envFiles: false }), cogs: [AgentCog] });
    const { guildId, channelId, ownerId, aliceId } = demoGuild(harness.emulator);
    // A channel hidden from alice by a member overwrite; the owner still sees it.
    staffId = harness.emulator.addChannel(guildId, { name: 'staff', overwrites: [{ id: aliceId, type: 'member', deny: PermissionFlagsBits.ViewChannel }] }).id;
    harness.emulator.sendMessage({ channelId: staffId, userId: ownerId, content: 'secret: the raise is 5%' });
    harness.emulator.sendMessage({ channelId, userId: aliceId, content: 'hello everyone' });
  });
  afterAll(async () => {
    await harness.close();
    await llm.close();
  });

  /** Runs /agent as `user` with the model calling one tool, and returns that tool's result message. */
  const toolResult = async (user: 'alice' | 'owner', name: string, args: Record<string, unknown>): Promise<LlmMessage & { role: 'tool' }> => {
    const { guildId, channelId, ownerId, aliceId } = demoGuild(harness.emulator);
    const before = results.length;
    llm.openai.enqueue(llmReply.toolCalls([{ name, arguments: args }]));
    llm.openai.enqueue(llmReply.text('Done.'));
    const reply = await harness.emulator
      .invokeSlashCommand({ guildId, channelId, userId: user === 'alice' ? aliceId : ownerId, name: 'agent', options: { question: 'What happens here?' } })
      .reply();
    expect(reply.content).toBe('Done.');
    await expect.poll(() => results.length).toBe(before + 1);
    const message = results[before]!.messages.find((entry) => entry.role === 'tool');
    expect(message).toBeDefined();
    return message as LlmMessage & { role: 'tool' };
  };

  it('GIVEN a channel hidden from alice by an overwrite THEN list_channels leaves it out for her and lists it for the owner', async () => {
    const forAlice = JSON.parse((await toolResult('alice', 'list_channels', {})).content) as { id: string; name: string }[];
    expect(forAlice.map((channel) => channel.name)).toContain(
      harness.emulator.state.guilds.get(demoGuild(harness.emulator).guildId)!.channels.get(demoGuild(harness.emulator).channelId)!.name,
    );
    expect(forAlice.map((channel) => channel.id)).not.toContain(staffId);
    const forOwner = JSON.parse((await toolResult('owner', 'list_channels', {})).content) as { id: string }[];
    expect(forOwner.map((channel) => channel.id)).toContain(staffId);
  });

  it('GIVEN alice asks for the hidden channel THEN read_channel_messages refuses with an error and returns none of its messages', async () => {
    const refused = await toolResult('alice', 'read_channel_messages', { channel_id: staffId });
    expect(refused.isError).toBe(true);
    expect(refused.content).toBe(`Error: channel ${staffId} does not exist or the user who asked cannot see it`);
    expect(refused.content).not.toContain('raise');
  });

  it('GIVEN the owner who can see the channel THEN read_channel_messages returns its messages', async () => {
    const allowed = await toolResult('owner', 'read_channel_messages', { channel_id: staffId });
    expect(allowed.isError).toBeUndefined();
    expect(JSON.parse(allowed.content)).toEqual([expect.objectContaining({ author: 'owner', content: 'secret: the raise is 5%' })]);
  });

  it('GIVEN a channel id of no channel in the guild THEN the refusal reads the same as for a hidden one', async () => {
    const missing = await toolResult('owner', 'read_channel_messages', { channel_id: '123456789012345678' });
    expect(missing.content).toBe('Error: channel 123456789012345678 does not exist or the user who asked cannot see it');
  });

  it('GIVEN lookup_member by name THEN it finds the member with public fields only', async () => {
    const found = JSON.parse((await toolResult('alice', 'lookup_member', { query: 'own' })).content) as Record<string, unknown>[];
    expect(found).toEqual([expect.objectContaining({ id: demoGuild(harness.emulator).ownerId, username: 'owner' })]);
    expect(Object.keys(found[0]!).sort()).toEqual(['displayName', 'id', 'joinedAt', 'roles', 'username']);
  });

  it('GIVEN discordTools outside a guild THEN BL_ERR_BOT_DISCORD_TOOLS_OUTSIDE_GUILD', () => {
    expect(() => discordTools({ guild: null, user: { id: '1' } })).toThrow(expect.objectContaining({ code: 'BL_ERR_BOT_DISCORD_TOOLS_OUTSIDE_GUILD' }));
  });
});
