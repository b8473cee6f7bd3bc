// Prints cold (first initdb) and warm start times of the embedded PostgreSQL in a temporary folder.
// Run from the repo root: pnpm exec tsx packages/core/test/embedded/measure-start.ts [warm runs, default 3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { startEmbeddedPostgres } from '../../src/embedded/index.js';
import { freePort } from '../../src/embedded/ports.js';

const runs = Number(process.argv[2] ?? 3);
const root = mkdtempSync(join(tmpdir(), 'bl-embedded-measure-'));
const dataDir = join(root, 'postgres');
const logger = pino({ level: 'silent' });
try {
  const port = await freePort();
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const server = await startEmbeddedPostgres({ dataDir, port, logger });
    const ready = performance.now() - started;
    const stopStarted = performance.now();
    await server.close();
    console.log(`${run === 0 ? 'cold' : 'warm'} start ${ready.toFixed(0)} ms, stop ${(performance.now() - stopStarted).toFixed(0)} ms`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
