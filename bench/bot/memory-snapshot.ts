// Writes a heap snapshot of each bot of the memory benchmark (discord.js defaults and baseline's cache
// defaults, same emulator, same guilds) and prints where their memory goes (heap-snapshot-summary.ts).
// Not a benchmark: a tool to find what a cache default should drop.
//   node --import tsx --conditions=@baseline/source bench/bot/memory-snapshot.ts [dir] [top]
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRemoteEmulator } from '../discord/remote-emulator.js';
import { summarizeHeapSnapshot } from './heap-snapshot-summary.js';
import { memoryEmulatorOptions } from './memory-seed.js';

const dir = resolve(process.argv[2] ?? 'bench-heap');
const top = Number(process.argv[3] ?? 25);
mkdirSync(dir, { recursive: true });
const remote = await startRemoteEmulator(memoryEmulatorOptions);

for (const mode of ['discord.js', 'baseline'] as const) {
  const file = join(dir, `${mode}.heapsnapshot`);
  await new Promise<void>((done, reject) => {
    const child = fork(fileURLToPath(new URL('./memory-child.ts', import.meta.url)), [mode, remote.restUrl, remote.botToken], {
      execArgv: ['--import', 'tsx', '--conditions=@baseline/source', '--expose-gc'],
      env: { ...process.env, BENCH_HEAP_SNAPSHOT: file },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('exit', (code) => (code === 0 ? done() : reject(new Error(`${mode} child exited with ${code}`))));
  });
  console.log(`\n=== ${mode} (${file})`);
  console.log(summarizeHeapSnapshot(file, top));
}
await remote.stop();
