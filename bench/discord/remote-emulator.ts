// Starts emulator-process.ts as a child process and talks to it over IPC; measures CPU of both processes.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as DiscordJs from 'discord.js';
import type { DiscordEmulatorOptions } from '../../packages/testing/src/discord/index.js';

/** discord.js as installed for @baseline/testing (the repository root does not depend on it). */
export const discord = createRequire(new URL('../../packages/testing/package.json', import.meta.url))('discord.js') as typeof DiscordJs;

export interface CpuSample {
  user: number;
  system: number;
}

export interface RemoteEmulator {
  restUrl: string;
  botToken: string;
  seedMs: number;
  call<T>(request: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts the emulator child. `BENCH_EMULATOR_PROFILE=<dir>` writes a V8 CPU profile of the child there
 * (`--cpu-prof`), to find the emulator's hot spots under the benchmark's load.
 */
export async function startRemoteEmulator(options: DiscordEmulatorOptions): Promise<RemoteEmulator> {
  const profileDir = process.env.BENCH_EMULATOR_PROFILE;
  const child: ChildProcess = fork(fileURLToPath(new URL('./emulator-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--conditions=@baseline/source', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const entry = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) entry?.reject(new Error(`emulator process: ${message.error}`));
    else entry?.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const entry of pending.values()) entry.reject(new Error(`emulator process exited with ${code}`));
    pending.clear();
  });
  const call = <T>(request: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id });
    });
  const started = await call<{ restUrl: string; botToken: string; seedMs: number }>({ type: 'start', options });
  return {
    ...started,
    call,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await call({ type: 'stop' });
      await exited;
    },
  };
}

/** CPU milliseconds (user + system) between two process.cpuUsage() samples. */
export function cpuMs(before: CpuSample, after: CpuSample): number {
  return (after.user - before.user + after.system - before.system) / 1000;
}

/** The value at quantile `q` (0..1) of `values`. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Prints rows as an aligned table. */
export function printTable(rows: Record<string, string>[]): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((column) => row[column]!)));
}
