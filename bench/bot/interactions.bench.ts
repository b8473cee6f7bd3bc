// Interaction round trips through the full baseline bot (a plugin cog reading per-guild settings, log context,
// in-flight tracking, Sapphire's precondition pipeline) against a bare discord.js bot answering the same
// /ping, against one emulator in a child process. Rounds alternate bare/baseline so drift hits both.
// Goal: baseline adds at most 30% latency. Prints, asserts nothing.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Cog, slashCommand } from '../../packages/bot/src/index.js';
import { defineSettings, definePlugin } from '../../packages/core/src/index.js';
import { printTable, quantile, startRemoteEmulator } from '../discord/remote-emulator.js';
import { startBenchBot } from '../support/start-bench-bot.js';
import { discord, z } from './load-packages.js';

const COUNT = Number(process.env.BENCH_INTERACTIONS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP = 200;

const { Client, GatewayIntentBits, SlashCommandBuilder } = discord;
const pingSettings = defineSettings(z.object({ answer: z.string().default('pong') }));

class PingCog extends Cog<typeof pingSettings> {
  static override meta = { name: 'bench-ping' };
  override commands = [
    slashCommand({
      data: new SlashCommandBuilder().setName('ping').setDescription('Replies pong'),
      run: async (interaction) => {
        const { answer } = await this.settings.get(interaction.guildId!);
        await interaction.reply(answer);
      },
    }),
  ];
}
const plugin = definePlugin({ id: 'bench-ping', name: 'Bench ping', version: '1.0.0', cogs: [PingCog], settings: pingSettings });

const users = [{ username: 'owner' }, { username: 'alice' }];
const guilds = Array.from({ length: 20 }, (_, index) => ({ name: `bench-${index}`, owner: 'owner', members: [{ user: 'alice' }] }));
const remote = await startRemoteEmulator({ seed: { users, guilds }, gateway: { heartbeatIntervalMs: 41_250, identifyIntervalMs: 0 } });

type Run = { wallMs: number; latencies: number[] };
const measure = async () => {
  await remote.call<Run>({ type: 'interactions', count: WARMUP, concurrency: CONCURRENCY, userId: 'alice' });
  return remote.call<Run>({ type: 'interactions', count: COUNT, concurrency: CONCURRENCY, userId: 'alice' });
};

async function bare(): Promise<Run> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: remote.restUrl } });
  client.on('interactionCreate', (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply('pong');
  });
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(remote.botToken);
  await ready;
  await client.application!.commands.create({ name: 'ping', description: 'Replies pong' });
  const run = await measure();
  await client.destroy();
  return run;
}

async function baseline(): Promise<Run> {
  const bot = await startBenchBot({ appDir: fileURLToPath(new URL('.', import.meta.url)), plugin, discord: remote });
  const run = await measure();
  await bot.close();
  return run;
}

const results: { name: string; run: Run }[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  results.push({ name: 'discord.js', run: await bare() });
  results.push({ name: 'baseline', run: await baseline() });
}
await remote.stop();

const summary = (name: string) => {
  const runs = results.filter((result) => result.name === name).map((result) => result.run);
  const latencies = runs.flatMap((run) => run.latencies);
  const wall = runs.reduce((sum, run) => sum + run.wallMs, 0);
  return { rate: (COUNT * runs.length) / (wall / 1000), p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) };
};
const bareStats = summary('discord.js');
const baselineStats = summary('baseline');
console.log(`Interactions: ${ROUNDS} rounds × ${COUNT} /ping at concurrency ${CONCURRENCY} (after ${WARMUP} warm-up), emulator in a child process`);
printTable(
  [
    ['discord.js (bare)', bareStats],
    ['baseline (cog + settings)', baselineStats],
  ].map(([name, stats]) => {
    const { rate, p50, p95 } = stats as typeof bareStats;
    return { bot: name as string, 'interactions/s': rate.toFixed(0), 'p50 (ms)': p50.toFixed(1), 'p95 (ms)': p95.toFixed(1) };
  }),
);
const overhead = (ours: number, theirs: number) => `${(((ours - theirs) / theirs) * 100).toFixed(1)}%`;
console.log(
  `baseline latency over bare discord.js: p50 ${overhead(baselineStats.p50, bareStats.p50)}, p95 ${overhead(baselineStats.p95, bareStats.p95)} (goal: at most +30%)`,
);
console.log(`baseline throughput relative to bare: ${((baselineStats.rate / bareStats.rate) * 100).toFixed(0)}%`);
console.log(`(${performance.now().toFixed(0)} ms total)`);
