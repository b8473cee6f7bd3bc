import { loadConfig } from '@baseline/core';
import { createLlmEmulators, llmEmulatorEnv, llmFault, llmReply, type LlmEmulators } from '@baseline/testing';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cog, slashCommand, streamReply, type StreamReplyOptions, type StreamReplyResult } from '../../src/index.js';
import { createBotHarness, demoGuild, type BotHarness } from '../runtime/support/bot-harness.js';

const results: StreamReplyResult[] = [];

/** How `/ask` calls streamReply in each mode the test picks. */
const MODES: Record<string, StreamReplyOptions & { deferFirst?: boolean }> = {
  quick: { editIntervalMs: 50 },
  // The first words come after the bound: the bot acknowledges with "thinking…" first.
  patient: { editIntervalMs: 50, firstReplyWithinMs: 100 },
  private: { editIntervalMs: 50, ephemeral: true, stopButton: false },
  'private-patient': { editIntervalMs: 50, ephemeral: true, firstReplyWithinMs: 100 },
  // The handler acknowledges the interaction itself before streaming.
  deferred: { editIntervalMs: 50, deferFirst: true },
  worded: { editIntervalMs: 50, messages: { empty: '(nothing to say)', failed: (id) => `Failed, see ${id}` } },
};

class AskCog extends Cog {
  static override meta = { name: 'asker' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('ask')
        .setDescription('Ask the AI')
        .addStringOption((option) => option.setName('mode').setDescription('How to answer').setRequired(true)),
      run: async (interaction) => {
        const { deferFirst, ...options } = MODES[interaction.options.getString('mode', true)]!;
        if (deferFirst) await interaction.deferReply();
        results.push(await streamReply(interaction, this.llm, { prompt: 'question', provider: 'openai' }, options));
      },
    }),
  ];
}

// streamReply's other paths, as the asker sees them in Discord: late first words, private answers, an interaction
// acknowledged already, empty answers, failures before and after the first words, and a long answer's later pages
// edited in place.
describe('streamReply edges (Discord emulator, OpenAI emulator, PostgreSQL, Redis)', () => {
  let harness: BotHarness;
  let llm: LlmEmulators;
  beforeAll(async () => {
    harness = await createBotHarness();
    llm = await createLlmEmulators();
    const env = { ...harness.env, ...llmEmulatorEnv(llm), LLM_MAX_RETRIES: '0' };
    const bot = await harness.start({ config: loadConfig({ env, envFiles: false }), cogs: [AskCog] });
    const { guildId } = demoGuild(harness.emulator);
    await bot.services.settings.set(guildId, 'llm', { enabled: true });
  });
  afterAll(async () => {
    await harness.close();
    await llm.close();
  });

  const ask = (mode: string) => {
    const { guildId, channelId, aliceId } = demoGuild(harness.emulator);
    return harness.emulator.invokeSlashCommand({ guildId, channelId, userId: aliceId, name: 'ask', options: { mode } });
  };
  /** The reply once it is final: no longer "thinking…" and without the Stop button. */
  const settled = (message: { loading: boolean; components: unknown[] }) => !message.loading && message.components.length === 0;
  const nextResult = async (count: number) => {
    await expect.poll(() => results.length, { timeout: 15_000 }).toBe(count + 1);
    return results[count]!;
  };

  it('GIVEN first words slower than firstReplyWithinMs THEN the interaction is deferred, then the answer replaces "thinking…"', async () => {
    const count = results.length;
    llm.openai.enqueue(llmFault.delay(600, llmReply.text('late but here')));
    const handle = ask('patient');
    expect((await handle.response()).type).toBe(5);
    expect((await handle.replyMatching(settled)).content).toBe('late but here');
    expect((await nextResult(count)).error).toBeUndefined();
  });

  it('GIVEN ephemeral without a Stop button THEN the answer is private and never carries a button', async () => {
    const count = results.length;
    llm.openai.enqueue(llmReply.text('just for you', { chunks: ['just ', 'for ', 'you'], frameIntervalMs: 80 }));
    const handle = ask('private');
    const reply = await handle.replyMatching((message) => message.content === 'just for you');
    expect(reply.ephemeral).toBe(true);
    expect(reply.components).toEqual([]);
    expect((await nextResult(count)).text).toBe('just for you');
  });

  it('GIVEN an interaction the handler deferred itself THEN the answer edits that reply', async () => {
    const count = results.length;
    llm.openai.enqueue(llmReply.text('after my own defer'));
    const handle = ask('deferred');
    expect((await handle.response()).type).toBe(5);
    expect((await handle.replyMatching(settled)).content).toBe('after my own defer');
    expect((await nextResult(count)).messages).toBe(1);
  });

  it('GIVEN an answer with no text THEN the reply says so, in the cog’s own words when given', async () => {
    let count = results.length;
    llm.openai.enqueue(llmReply.text('', { chunks: [] }));
    expect((await ask('quick').replyMatching(settled)).content).toBe('*(no answer)*');
    expect((await nextResult(count)).text).toBe('');
    count = results.length;
    llm.openai.enqueue(llmReply.text('', { chunks: [] }));
    expect((await ask('worded').replyMatching(settled)).content).toBe('(nothing to say)');
    await nextResult(count);
  });

  it('GIVEN the provider refuses before any word THEN only a private message with the reference is shown', async () => {
    const count = results.length;
    llm.openai.enqueue(llmFault.invalidRequest('bad prompt'));
    const handle = ask('worded');
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Failed, see \S+$/);
    const result = await nextResult(count);
    expect(result.error).toBeDefined();
    expect(result.discordWrites).toBe(0);
  });

  it('GIVEN a failure after "thinking…" and before any word THEN the public placeholder is deleted and the explanation is private', async () => {
    const count = results.length;
    const { channelId } = demoGuild(harness.emulator);
    const placeholders = () => harness.emulator.messages(channelId).filter((message) => message.loading && !message.deleted).length;
    const before = placeholders();
    llm.openai.enqueue(llmFault.delay(600, llmFault.invalidRequest('too late')));
    const handle = ask('patient');
    expect((await handle.response()).type).toBe(5);
    const explanation = await handle.followUp(0);
    expect(explanation.ephemeral).toBe(true);
    expect(explanation.content).toContain('The AI could not answer this time. Reference:');
    await nextResult(count);
    expect(placeholders()).toBe(before);
  });

  it('GIVEN a private "thinking…" and a failure THEN the explanation takes the placeholder’s place, privately', async () => {
    const count = results.length;
    llm.openai.enqueue(llmFault.delay(600, llmFault.invalidRequest('nope')));
    const handle = ask('private-patient');
    expect(await handle.response()).toMatchObject({ type: 5, ephemeral: true });
    // Discord turns the first follow-up after a deferred reply into that reply.
    const reply = await handle.reply();
    expect(reply).toMatchObject({ ephemeral: true, content: expect.stringContaining('The AI could not answer this time.') });
    expect((await nextResult(count)).error).toBeDefined();
  });

  it('GIVEN the stream fails after some words THEN they stay shown without the button and the failure follows privately', async () => {
    const count = results.length;
    llm.openai.enqueue(
      llmFault.midStream(llmFault.invalidRequest('cut off'), { reply: llmReply.text('partial words here', { frameIntervalMs: 30 }), afterEvents: 3 }),
    );
    const handle = ask('quick');
    const explanation = await handle.followUp(0);
    expect(explanation.ephemeral).toBe(true);
    const result = await nextResult(count);
    expect(result.error).toBeDefined();
    expect(result.text).not.toBe('');
    const shown = await handle.replyMatching(settled);
    expect(shown.content).toBe(result.text);
  });

  it('GIVEN a long answer streamed slowly THEN a later page is edited in place as it grows, each page within 2,000 characters', async () => {
    const count = results.length;
    const words = Array.from({ length: 500 }, (_, index) => `w${index}`);
    const chunks = Array.from({ length: 20 }, (_, index) => `${words.slice(index * 25, index * 25 + 25).join(' ')} `);
    llm.openai.enqueue(llmReply.text(chunks.join(''), { chunks, frameIntervalMs: 60 }));
    const handle = ask('quick');
    const result = await nextResult(count);
    expect(result.error).toBeUndefined();
    const pages = [await handle.reply(), ...handle.followUps()];
    expect(pages.length).toBe(result.messages);
    for (const page of pages) expect(page.content.length).toBeLessThanOrEqual(2000);
    expect(pages.map((page) => page.content).join(' ')).toContain('w499');
    const followUpId = pages[1]!.id;
    const edits = harness.emulator.requests.filter((request) => request.method === 'PATCH' && request.path.endsWith(`/messages/${followUpId}`));
    expect(edits.length).toBeGreaterThan(0);
  });
});
