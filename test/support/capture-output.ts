/**
 * Setup file of every Vitest project: records what the test file wrote to stdout, stderr and the console, for the
 * run-wide secret audit (`secret-audit.ts`). pino's synchronous stdout destination writes with `fs.writeSync(1, …)`,
 * below `process.stdout`, so that is wrapped too. Output still goes where it went; this only keeps a copy.
 */
import fs from 'node:fs';
import { relative } from 'node:path';
import { format } from 'node:util';
import { afterAll, expect } from 'vitest';
import { auditSecrets } from '../../packages/testing/src/audit/audit-secrets.js';
import { environmentSecrets, recordForAudit, SECRET_AUDIT_DIR_VARIABLE } from './secret-audit.js';

const INSTALLED = Symbol.for('baseline.captureOutput');
const holder = globalThis as { [INSTALLED]?: string[] };

if (process.env[SECRET_AUDIT_DIR_VARIABLE] !== undefined && holder[INSTALLED] === undefined) {
  const chunks: string[] = [];
  holder[INSTALLED] = chunks;
  const text = (chunk: unknown) =>
    typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : '';

  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(text(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  const writeSync = fs.writeSync;
  fs.writeSync = ((fd: number, buffer: unknown, ...rest: unknown[]) => {
    if (fd === 1 || fd === 2) chunks.push(text(buffer));
    return (writeSync as (...args: unknown[]) => number)(fd, buffer, ...rest);
  }) as typeof fs.writeSync;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      chunks.push(`${format(...args)}\n`);
      original(...args);
    };
  }
}

afterAll(() => {
  const chunks = holder[INSTALLED];
  if (chunks === undefined) return;
  const testPath = expect.getState().testPath;
  const source = testPath === undefined ? 'a test file' : relative(process.cwd(), testPath);
  recordForAudit(source, chunks.splice(0).join(''), [...auditSecrets(), ...environmentSecrets()]);
});
