// Interactions per second through emulator → discord.js → reply → emulator, with a bare discord.js bot that
// answers /ping with `reply('pong')`. The emulator runs in a child process; CPU of both is measured over the
// same interval. Bounded: 2,000 warm-up interactions (both processes' JIT settles; after only a few hundred the
// ratio still drifts from round to round), then 3 measured rounds of 2,000 interactions at concurrency 50, whose
// median is the result (the machine is shared and single rounds are noisy). Prints, asserts nothing.
// BENCH_WARMUP, BENCH_INTERACTIONS, BENCH_CONCURRENCY and BENCH_ROUNDS override the sizes;
// BENCH_EMULATOR_PROFILE=<dir> writes a CPU profile of the emulator process. BENCH_FLOOR=1 measures the same bot
// against floor-emulator.ts, the least work an emulator on Node's http server and ws can do per interaction.
import { cpuMs, discord, printTable, quantile, startRemoteEmulator, type CpuSample } from './remote-emulator.js';

const COUNT = Number(process.env.BENCH_INTERACTIONS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);

const users = [{ username: 'owner' }, { username: 'alice' }];
const guilds = Array.from({ length: 20 }, (_, index) => ({ name: `bench-${index}`, owner: 'owner', members: [{ user: 'alice' }] }));
const remote = await startRemoteEmulator({ seed: { users, guilds }, gateway: { heartbeatIntervalMs: 41_250 } });

const { Client, GatewayIntentBits } = discord;
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: remote.restUrl } });
client.on('interactionCreate', (interaction) => {
  if (interaction.isChatInputCommand()) void interaction.reply('pong');
});
const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
await client.login(remote.botToken);
await ready;
await client.application!.commands.create({ name: 'ping', description: 'Replies pong' });

type Run = { wallMs: number; latencies: number[] };
await remote.call<Run>({ type: 'interactions', count: WARMUP, concurrency: CONCURRENCY, userId: 'alice' });

const rows: Record<string, string>[] = [];
const ratios: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const botBefore = process.cpuUsage();
  const emulatorBefore = await remote.call<CpuSample>({ type: 'cpu' });
  const run = await remote.call<Run>({ type: 'interactions', count: COUNT, concurrency: CONCURRENCY, userId: 'alice' });
  const emulatorAfter = await remote.call<CpuSample>({ type: 'cpu' });
  const botAfter = process.cpuUsage();
  const emulatorCpu = cpuMs(emulatorBefore, emulatorAfter);
  const botCpu = cpuMs(botBefore, botAfter);
  ratios.push(emulatorCpu / botCpu);
  rows.push({
    round: String(round),
    interactions: String(COUNT),
    'wall (ms)': run.wallMs.toFixed(0),
    'interactions/s': (COUNT / (run.wallMs / 1000)).toFixed(0),
    'p50 (ms)': quantile(run.latencies, 0.5).toFixed(1),
    'p95 (ms)': quantile(run.latencies, 0.95).toFixed(1),
    'emulator CPU (ms)': emulatorCpu.toFixed(0),
    'bot CPU (ms)': botCpu.toFixed(0),
    'emulator µs/interaction': ((emulatorCpu * 1000) / COUNT).toFixed(0),
    'emulator/bot CPU': (emulatorCpu / botCpu).toFixed(2),
  });
}

console.log(
  `Discord emulator: ${ROUNDS} rounds of ${COUNT} interactions at concurrency ${CONCURRENCY} after ${WARMUP} warm-up (invoke → INTERACTION_CREATE → discord.js reply → emulator)`,
);
printTable(rows);
console.log(`median emulator/bot CPU: ${quantile(ratios, 0.5).toFixed(2)}`);

await client.destroy();
await remote.stop();
