// Memory per 1,000 guilds (50 members and 20 channels each, members sent at connect) with baseline's cache
// defaults against discord.js' defaults. Each bot runs in its own process (memory-child.ts); runs alternate.
// Goal: baseline uses at most half the memory per guild. Prints, asserts nothing.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printTable, startRemoteEmulator } from '../discord/remote-emulator.js';
import { CHANNELS, GUILDS, MEMBERS, memoryEmulatorOptions } from './memory-seed.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const remote = await startRemoteEmulator(memoryEmulatorOptions);

interface Sample {
  guilds: number;
  cachedMembers: number;
  rss: number;
  heapUsed: number;
}

function runChild(mode: 'baseline' | 'discord.js'): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./memory-child.ts', import.meta.url)), [mode, remote.restUrl, remote.botToken], {
      execArgv: ['--import', 'tsx', '--conditions=@baseline/source', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (sample) => resolve(sample as Sample));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${mode} child exited with ${code}`))));
  });
}

const samples: Record<'baseline' | 'discord.js', Sample[]> = { baseline: [], 'discord.js': [] };
for (let round = 0; round < ROUNDS; round += 1) {
  samples['discord.js'].push(await runChild('discord.js'));
  samples.baseline.push(await runChild('baseline'));
}
await remote.stop();

const perThousand = (bytes: number, count: number) => (bytes / count) * 1000 / 1024 / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const row = (mode: 'baseline' | 'discord.js') => {
  const runs = samples[mode];
  return {
    heap: perThousand(median(runs.map((run) => run.heapUsed)), runs[0]!.guilds),
    rss: perThousand(median(runs.map((run) => run.rss)), runs[0]!.guilds),
    members: runs[0]!.cachedMembers,
  };
};
const bare = row('discord.js');
const ours = row('baseline');
console.log(`Memory: ${GUILDS} guilds × ${MEMBERS} members × ${CHANNELS} channels, members sent at connect (GUILD_MEMBERS intent), ${ROUNDS} runs each, medians`);
printTable(
  [
    ['discord.js defaults', bare],
    ['baseline cache defaults', ours],
  ].map(([name, stats]) => {
    const { heap, rss, members } = stats as typeof bare;
    return { caches: name as string, 'cached members': String(members), 'heap MiB / 1,000 guilds': heap.toFixed(1), 'RSS MiB / 1,000 guilds': rss.toFixed(1) };
  }),
);
console.log(`baseline / discord.js: heap ${((ours.heap / bare.heap) * 100).toFixed(0)}%, RSS ${((ours.rss / bare.rss) * 100).toFixed(0)}% (goal: at most 50%)`);
