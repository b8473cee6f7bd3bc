// Boot time to READY for 10,000 guilds over 8 shards: from `client.login()` to `clientReady` (every shard
// READY and every GUILD_CREATE received), with a bare discord.js client. The emulator runs in a child
// process; CPU of both is measured over the boot. Prints, asserts nothing.
import { performance } from 'node:perf_hooks';
import { cpuMs, discord, printTable, startRemoteEmulator, type CpuSample } from './remote-emulator.js';

const GUILDS = Number(process.env.BENCH_GUILDS ?? 10_000);
const SHARDS = 8;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const users = [{ username: 'owner' }, { username: 'alice' }];
const guilds = Array.from({ length: GUILDS }, (_, index) => ({ name: `guild-${index}`, owner: 'owner', members: [{ user: 'alice' }] }));
// identifyIntervalMs 0: back-to-back boots would otherwise wait out Discord's 5 s identify window (op 9).
const remote = await startRemoteEmulator({
  seed: { users, guilds },
  gateway: { heartbeatIntervalMs: 41_250, guildsPerShard: 1250, identifyIntervalMs: 0 },
});
const { Client, GatewayIntentBits } = discord;

const rows: Record<string, string>[] = [];
for (let run = 1; run <= RUNS; run++) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    shards: Array.from({ length: SHARDS }, (_, index) => index),
    shardCount: SHARDS,
    rest: { api: remote.restUrl },
  });
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  const botBefore = process.cpuUsage();
  const emulatorBefore = await remote.call<CpuSample>({ type: 'cpu' });
  const started = performance.now();
  await client.login(remote.botToken);
  await ready;
  const wallMs = performance.now() - started;
  const emulatorAfter = await remote.call<CpuSample>({ type: 'cpu' });
  const botAfter = process.cpuUsage();
  if (client.guilds.cache.size !== GUILDS) throw new Error(`only ${client.guilds.cache.size} of ${GUILDS} guilds arrived`);
  const emulatorCpu = cpuMs(emulatorBefore, emulatorAfter);
  const botCpu = cpuMs(botBefore, botAfter);
  rows.push({
    run: String(run),
    guilds: String(client.guilds.cache.size),
    shards: String(SHARDS),
    'login → clientReady (ms)': wallMs.toFixed(0),
    'guilds/s': (GUILDS / (wallMs / 1000)).toFixed(0),
    'emulator CPU (ms)': emulatorCpu.toFixed(0),
    'bot CPU (ms)': botCpu.toFixed(0),
    'emulator/bot CPU': (emulatorCpu / botCpu).toFixed(2),
  });
  await client.destroy();
}

console.log(`Discord emulator: boot of ${GUILDS} guilds over ${SHARDS} shards (seeding the emulator took ${remote.seedMs.toFixed(0)} ms, not counted)`);
printTable(rows);
await remote.stop();
