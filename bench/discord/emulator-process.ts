// The emulator side of the Discord benchmarks, in its own process so its CPU time is measured apart from the
// bot's. Driven over IPC by remote-emulator.ts: `start` creates the emulator, `interactions` invokes /ping
// with bounded concurrency and times each invoke → reply, `cpu` reports process.cpuUsage().
import { performance } from 'node:perf_hooks';
import { createDiscordEmulator, type DiscordEmulator, type DiscordEmulatorOptions } from '../../packages/testing/src/discord/index.js';

if (process.env.BENCH_FLOOR) await import('./floor-emulator.js');

type Request =
  | { id: number; type: 'start'; options: DiscordEmulatorOptions }
  | { id: number; type: 'interactions'; count: number; concurrency: number; userId: string }
  | { id: number; type: 'cpu' }
  | { id: number; type: 'stop' };

let emulator: DiscordEmulator | undefined;

async function runInteractions(count: number, concurrency: number, userId: string) {
  const target = emulator!;
  const guildIds = [...target.state.guilds.keys()];
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  async function lane() {
    while (next < count) {
      const index = next++;
      const guildId = guildIds[index % guildIds.length]!;
      const t0 = performance.now();
      const handle = target.invokeSlashCommand({ guildId, userId, name: 'ping' });
      const reply = await handle.reply(60_000);
      if (reply.content !== 'pong') throw new Error(`unexpected reply ${reply.content}`);
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { wallMs: performance.now() - started, latencies };
}

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'start': {
      const started = performance.now();
      emulator = await createDiscordEmulator(request.options);
      return {
        url: emulator.url,
        restUrl: emulator.restUrl,
        botToken: emulator.botToken,
        clientOptions: emulator.clientOptions().rest,
        seedMs: performance.now() - started,
      };
    }
    case 'interactions':
      return runInteractions(request.count, request.concurrency, request.userId);
    case 'cpu':
      return process.cpuUsage();
    case 'stop':
      await emulator?.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (request: Request) => {
  handle(request).then(
    (result) => process.send!({ id: request.id, result }),
    (error: unknown) => process.send!({ id: request.id, error: (error as Error).stack ?? String(error) }),
  );
});
