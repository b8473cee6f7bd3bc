import { loadConfig } from '@baseline/core';
import { LLM_PROVIDERS, type LlmProvider } from '@baseline/llm';
import { createLlmEmulators, llmEmulatorEnv, llmReply, type LlmEmulators } from '@baseline/testing';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Cog, slashCommand, streamReply, type Bot, type StreamReplyResult } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

const results: StreamReplyResult[] = [];

/** `/ask` as a plugin would write it: this.llm (bound to guild, user, cog) streamed into the reply. */
class AskCog extends Cog {
  static override meta = { name: 'asker' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('ask')
        .setDescription('Ask the AI')
        .addStringOption((option) => option.setName('question').setDescription('Question').setRequired(true))
        .addStringOption((option) => option.setName('provider').setDescription('Provider'))
        .addStringOption((option) => option.setName('model').setDescription('Model')),
      run: async (interaction) => {
        const provider = (interaction.options.getString('provider') ?? undefined) as LlmProvider | undefined;
        const model = interaction.options.getString('model') ?? undefined;
        results.push(
          await streamReply(
            interaction,
            this.llm,
            { prompt: interaction.options.getString('question', true), ...(provider ? { provider } : {}), ...(model ? { model } : {}) },
            { editIntervalMs: 200 },
          ),
        );
      },
    }),
  ];
}

describe('streamReply with this.llm (Discord emulator, the four provider emulators, PostgreSQL, Redis)', () => {
  let harness: BotHarness;
  let llm: LlmEmulators;
  let bot: Bot;
  beforeAll(async () => {
    // Five webhook writes per two seconds per interaction, roughly Discord's own limit.
    harness = await createBotHarness({ rest: { bucketLimit: 5, bucketWindowMs: 2_000 } });
    llm = await createLlmEmulators();
    bot = await harness.start({ config: loadConfig({ env: { ...harness.env, ...llmEmulatorEnv(llm) }, envFiles: false }), cogs: [AskCog] });
  });
  afterAll(async () => {
    await harness.close();
    await llm.close();
  });
  beforeEach(async () => {
    const { guildId } = demoGuild(harness.emulator);
    await bot.services.settings.set(guildId, 'llm', {
      enabled: true,
      allowedProviders: [],
      allowedModels: [],
      defaultModel: null,
      dailyBudgetUsd: null,
      monthlyBudgetUsd: null,
    });
  });

  const ask = (options: Record<string, string>) => {
    const { guildId, channelId, aliceId } = demoGuild(harness.emulator);
    return harness.emulator.invokeSlashCommand({ guildId, channelId, userId: aliceId, name: 'ask', options });
  };
  /** The StreamReplyResult of the interaction answered after `count` earlier ones. */
  const resultAfter = async (count: number): Promise<StreamReplyResult> => {
    await expect.poll(() => results.length).toBe(count + 1);
    return results[count]!;
  };
  const usageOf = async (provider: string) =>
    (await bot.services.llm!.usage({ groupBy: ['guild', 'user', 'cog', 'provider'], provider })).map(({ guildId, userId, cogName, requests }) => ({
      guildId,
      userId,
      cogName,
      requests,
    }));

  it('GIVEN createBot with provider keys THEN services.llm exists and the llm settings namespace is registered', () => {
    expect(bot.services.llm).toBeDefined();
    expect(bot.services.settings.namespaces()).toContain('llm');
  });

  it.each(LLM_PROVIDERS)(
    'GIVEN /ask through %s THEN the answer is in the channel and one usage row names the guild, the user and the cog',
    async (provider) => {
      const { guildId, aliceId, channelId } = demoGuild(harness.emulator);
      const count = results.length;
      llm[provider].enqueue(llmReply.text(`Oslo is the capital of Norway (${provider}).`));
      const reply = await ask({ question: 'Capital of Norway?', provider }).replyMatching(
        (message) => message.content.includes('Norway') && message.components.length === 0,
      );
      expect(reply.content).toBe(`Oslo is the capital of Norway (${provider}).`);
      expect(harness.emulator.messages(channelId).some((message) => message.content === reply.content)).toBe(true);
      await (
        await resultAfter(count)
      ).result;
      expect(await usageOf(provider)).toEqual([{ guildId, userId: aliceId, cogName: 'asker', requests: 1 }]);
    },
  );

  it('GIVEN a 5,000-character answer with a code block THEN it arrives as the edited reply plus follow-ups, every message at most 2,000 characters with its fences balanced, and no 429', async () => {
    const words = Array.from({ length: 300 }, (_, index) => `word${index}`).join(' ');
    const code = ['```ts', ...Array.from({ length: 120 }, (_, index) => `const value${index} = ${index};`), '```'].join('\n');
    const answer = `${words}\n\n${code}\n\n${words}`;
    llm.openai.enqueue(llmReply.text(answer));
    const before = harness.emulator.requests.length;
    const count = results.length;
    const handle = ask({ question: 'long', provider: 'openai' });
    const result = await resultAfter(count);
    expect(result.text).toBe(answer);
    const pages = [await handle.reply(), ...handle.followUps()].map((message) => message.content);
    expect(pages.length).toBe(result.messages);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(2000);
      expect((page.match(/^```/gm) ?? []).length % 2).toBe(0);
    }
    // Joined back, the pages hold every word and every line of code.
    const joined = pages.join('\n');
    for (const piece of ['word0', 'word299', 'const value0 = 0;', 'const value119 = 119;']) expect(joined).toContain(piece);
    const during = harness.emulator.requests.slice(before);
    expect(during.filter((request) => request.status === 429)).toEqual([]);
    // Far fewer writes than streamed words: edits are throttled.
    expect(result.discordWrites).toBeLessThan(answer.split(' ').length / 10);
  });

  it('GIVEN a slow answer WHEN the asker presses Stop THEN generation ends, the reply says stopped, and the partial usage is recorded as stopped', async () => {
    const { guildId } = demoGuild(harness.emulator);
    const count = results.length;
    llm.anthropic.enqueue(llmReply.text(Array.from({ length: 200 }, (_, index) => `token${index}`).join(' '), { frameIntervalMs: 50 }));
    const handle = ask({ question: 'slow', provider: 'anthropic' });
    const shown = await handle.replyMatching((message) => message.content.includes('token') && message.components.length > 0);
    const button = (shown.components as { components: { custom_id: string }[] }[])[0]!.components[0]!;
    // Someone else cannot stop it.
    const other = harness.emulator.clickButton(shown.id, button.custom_id, 'owner');
    expect((await other.reply()).content).toContain('Only the person who asked');
    harness.emulator.clickButton(shown.id, button.custom_id, 'alice');
    const final = await handle.replyMatching((message) => message.components.length === 0);
    expect(final.content).toContain('(stopped)');
    const result = await resultAfter(count);
    expect(result.stopped).toBe(true);
    expect(result.text).not.toContain('token199');
    const completion = await result.result;
    expect(completion.stoppedEarly).toBe(true);
    expect(completion.usage.completionTokens).toBeGreaterThan(0);
    // The provider's connection was closed: the emulator never sent its last frames.
    expect(completion.text).not.toContain('token199');
    const rows = await bot.services.llm!.usage({ groupBy: ['guild', 'cog', 'provider', 'status'], provider: 'anthropic', guildId });
    expect(rows.reduce((sum, row) => sum + row.requests, 0)).toBe(2);
  });

  it('GIVEN a guild at its daily budget THEN /ask gets the private budget message with when it resets and no provider request is made', async () => {
    const { guildId } = demoGuild(harness.emulator);
    await bot.services.settings.set(guildId, 'llm', { dailyBudgetUsd: '0.000001' });
    const before = llm.gemini.requests.length;
    const reply = await ask({ question: 'anything', provider: 'gemini' }).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/This server reached the daily AI budget\. It resets <t:\d+:R>\./);
    expect(llm.gemini.requests.length).toBe(before);
  });

  it('GIVEN a guild allowing only openai:gpt-5.4-mini THEN another model is refused privately and the allowed one answers', async () => {
    const { guildId } = demoGuild(harness.emulator);
    await bot.services.settings.set(guildId, 'llm', { allowedModels: ['openai:gpt-5.4-mini'] });
    const before = llm.xai.requests.length;
    const refused = await ask({ question: 'hi', provider: 'xai' }).reply();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('is not allowed in this server');
    expect(llm.xai.requests.length).toBe(before);
    llm.openai.enqueue(llmReply.text('allowed answer'));
    const allowed = await ask({ question: 'hi', provider: 'openai', model: 'gpt-5.4-mini' }).replyMatching((message) => message.components.length === 0);
    expect(allowed.content).toBe('allowed answer');
  });

  it('GIVEN the guild turned AI off THEN /ask is refused privately', async () => {
    const { guildId } = demoGuild(harness.emulator);
    await bot.services.settings.set(guildId, 'llm', { enabled: false });
    const reply = await ask({ question: 'hi' }).reply();
    expect(reply).toMatchObject({ ephemeral: true });
    expect(reply.content).toContain('turned off');
  });
});
