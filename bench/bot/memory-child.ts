// One bot in its own process, so its memory is measured alone: connects to the emulator with discord.js
// defaults or baseline's cache defaults, and reports heap and RSS (after a forced GC) before login and once
// every guild arrived. Run by memory.bench.ts and memory-snapshot.ts with --expose-gc; with
// BENCH_HEAP_SNAPSHOT=<file> it also writes a V8 heap snapshot there once every guild arrived.
import { setTimeout as sleep } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';
import { createCacheOptions } from '../../packages/bot/src/cache/create-cache-options.js';
import { discord } from './load-packages.js';

const [mode, restUrl, botToken] = process.argv.slice(2) as ['baseline' | 'discord.js', string, string];
const gc = (globalThis as { gc?: () => void }).gc!;

async function settle() {
  for (let index = 0; index < 3; index += 1) {
    gc();
    await sleep(50);
  }
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  return { rss, heapUsed, heapTotal };
}

const { Client, GatewayIntentBits } = discord;
const before = await settle();
const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
  rest: { api: restUrl },
  ...(mode === 'baseline' ? createCacheOptions() : {}),
});
const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
await client.login(botToken);
await ready;
const after = await settle();
if (process.env.BENCH_HEAP_SNAPSHOT) writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
const members = client.guilds.cache.reduce((sum, guild) => sum + guild.members.cache.size, 0);
process.send!({
  guilds: client.guilds.cache.size,
  cachedMembers: members,
  rss: after.rss - before.rss,
  heapUsed: after.heapUsed - before.heapUsed,
  heapTotal: after.heapTotal - before.heapTotal,
});
await client.destroy();
process.exit(0);
