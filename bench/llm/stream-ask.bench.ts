// A streamed /ask through the bot (streamReply, this.llm, the Discord emulator) against the same stream read
// straight from the OpenAI SDK, in the same run and against the same emulated model (words streamed with a pause
// between frames, like a real model). Prints, per answer: time to the first visible character (in Discord for
// the bot; the first text delta for the SDK) and Discord writes (the bot's throttled edits and follow-ups against
// one edit per delta, what a naive loop editing on every delta would send). Asserts nothing.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type OpenAiSdk from 'openai';
import { Cog, slashCommand, streamReply, type StreamReplyResult } from '../../packages/bot/src/index.js';
import { definePlugin } from '../../packages/core/src/index.js';
import { createDiscordEmulator, createLlmEmulators, llmEmulatorEnv, llmReply } from '../../packages/testing/src/index.js';
import { discord } from '../bot/load-packages.js';
import { startBenchBot } from '../support/start-bench-bot.js';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 6);
const WORDS = Number(process.env.BENCH_WORDS ?? 600);
const FRAME_MS = Number(process.env.BENCH_FRAME_MS ?? 5);
const MODEL = 'gpt-5.4-mini';

const OpenAI = createRequire(new URL('../../packages/llm/package.json', import.meta.url))('openai') as typeof OpenAiSdk;
const { SlashCommandBuilder } = discord;

const results: StreamReplyResult[] = [];
class AskCog extends Cog {
  static override meta = { name: 'bench-ask' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder()
        .setName('ask')
        .setDescription('Ask the AI')
        .addStringOption((option) => option.setName('question').setDescription('Question').setRequired(true)),
      run: async (interaction) => {
        results.push(await streamReply(interaction, this.llm, { provider: 'openai', model: MODEL, prompt: interaction.options.getString('question', true) }));
      },
    }),
  ];
}
const plugin = definePlugin({ id: 'bench-ask', name: 'Bench ask', version: '1.0.0', cogs: [AskCog] });

const words = Array.from({ length: WORDS }, (_, index) => `word${index % 97}`);
const chunks = words.map((word, index) => (index === 0 ? word : ` ${word}`));
const answer = () => llmReply.text(chunks.join(''), { chunks, frameIntervalMs: FRAME_MS });

const llm = await createLlmEmulators();
const emulator = await createDiscordEmulator({
  seed: { users: [{ username: 'owner' }, { username: 'alice' }], guilds: [{ name: 'bench', owner: 'owner', members: [{ user: 'alice' }] }] },
});
const bot = await startBenchBot({ appDir: fileURLToPath(new URL('.', import.meta.url)), plugin, discord: emulator, env: llmEmulatorEnv(llm) });
const guildId = [...emulator.state.guilds.values()][0]!.id;
const userId = emulator.state.findUser('alice')!.id;
const sdk = new OpenAI({ apiKey: llm.openai.apiKey, baseURL: llm.openai.baseURL, maxRetries: 0 });

type Sample = { firstMs: number; writes: number };

async function throughBot(): Promise<Sample> {
  llm.openai.enqueue(answer());
  const before = results.length;
  const start = performance.now();
  const handle = emulator.invokeSlashCommand({ guildId, userId, name: 'ask', options: { question: 'Tell me a long story' } });
  await handle.replyMatching((message) => message.content !== '', 60_000);
  const firstMs = performance.now() - start;
  while (results.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
  const result = results[before]!;
  await result.result;
  return { firstMs, writes: result.discordWrites };
}

async function direct(): Promise<Sample> {
  llm.openai.enqueue(answer());
  const start = performance.now();
  let firstMs: number | undefined;
  let deltas = 0;
  const stream = await sdk.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Tell me a long story' }], stream: true });
  for await (const chunk of stream) {
    if ((chunk.choices[0]?.delta.content ?? '') === '') continue;
    firstMs ??= performance.now() - start;
    deltas += 1;
  }
  return { firstMs: firstMs ?? Number.NaN, writes: deltas };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

try {
  // Warm-up of both paths (JIT, connections, command sync), then alternate so drift hits both.
  await direct();
  await throughBot();
  const viaBot: Sample[] = [];
  const sdkSamples: Sample[] = [];
  for (let index = 0; index < ANSWERS; index += 1) {
    sdkSamples.push(await direct());
    viaBot.push(await throughBot());
  }
  const row = (name: string, samples: Sample[]) =>
    `${name.padEnd(28)} ${median(samples.map((s) => s.firstMs))
      .toFixed(1)
      .padStart(10)} ms ${String(median(samples.map((s) => s.writes))).padStart(8)}`;
  console.log(`streamed answer of ${WORDS} words (${chunks.join('').length} characters), ${FRAME_MS} ms between frames, ${ANSWERS} answers each (medians)`);
  console.log(`${'path'.padEnd(28)} ${'first char'.padStart(13)} ${'Discord writes'.padStart(8)}`);
  console.log(row('OpenAI SDK, read directly', sdkSamples));
  console.log(row('/ask through the bot', viaBot));
  console.log(`time to first visible character: bot / SDK = ${(median(viaBot.map((s) => s.firstMs)) / median(sdkSamples.map((s) => s.firstMs))).toFixed(2)}x`);
  console.log(
    `Discord writes per answer: bot / one edit per delta = ${(median(viaBot.map((s) => s.writes)) / median(sdkSamples.map((s) => s.writes))).toFixed(3)}x`,
  );
} finally {
  await bot.close();
  await emulator.close();
  await llm.close();
}
