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
  heapTotal: number;
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

const perThousand = (bytes: number, count: number) => ((bytes / count) * 1000) / 1024 / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const range = (values: number[], digits = 1) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
const series = (mode: 'baseline' | 'discord.js', field: 'heapUsed' | 'heapTotal' | 'rss') => samples[mode].map((run) => perThousand(run[field], run.guilds));
// Ratios pair each baseline run with the discord.js run of the same round.
const ratios = (field: 'heapUsed' | 'rss') => {
  const bare = series('discord.js', field);
  return series('baseline', field).map((ours, round) => (ours / bare[round]!) * 100);
};
console.log(
  `Memory: ${GUILDS} guilds × ${MEMBERS} members × ${CHANNELS} channels, members sent at connect (GUILD_MEMBERS intent), ${ROUNDS} runs each: median (min–max), after forced GC`,
);
printTable(
  (['discord.js', 'baseline'] as const).map((mode) => ({
    caches: mode === 'baseline' ? 'baseline cache defaults' : 'discord.js defaults',
    'cached members': String(samples[mode][0]!.cachedMembers),
    'heap MiB / 1,000 guilds': range(series(mode, 'heapUsed')),
    'RSS MiB / 1,000 guilds': range(series(mode, 'rss')),
    // RSS minus reserved heap is mostly fixed (memory the connect burst left mapped), not per guild.
    'heap reserved MiB / 1,000 guilds': range(series(mode, 'heapTotal')),
  })),
);
console.log(`baseline / discord.js (per round): heap ${range(ratios('heapUsed'), 0)}%, RSS ${range(ratios('rss'), 0)}% (goal: at most 50%)`);
