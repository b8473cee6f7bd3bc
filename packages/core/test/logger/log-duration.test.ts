import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createLogger, logDuration, startTimer } from '../../src/index.js';
import { memoryDestination } from './memory-destination.js';

function setup() {
  const out = memoryDestination();
  return { out, logger: createLogger({ service: 'bot', level: 'debug', destination: out }) };
}

/** A stand-in for a slow query: it always takes some time, without asserting how much. */
async function slowQuery(): Promise<string> {
  await sleep(2);
  return 'rows';
}

describe('logDuration', () => {
  it('GIVEN a huge threshold THEN it logs debug with duration_ms and returns the result', async () => {
    const { out, logger } = setup();
    await expect(logDuration(logger, 'db: load guilds', slowQuery, { warnAfterMs: 3_600_000, fields: { table: 'guilds' } })).resolves.toBe('rows');
    const line = out.last();
    expect(line).toMatchObject({ level: 'debug', operation: 'db: load guilds', table: 'guilds' });
    expect(typeof line.duration_ms).toBe('number');
    expect(line.duration_ms as number).toBeGreaterThan(0);
    expect(line).not.toHaveProperty('slow');
  });

  it('GIVEN a threshold of 0 THEN it warns as a slow operation', async () => {
    const { out, logger } = setup();
    await logDuration(logger, 'db: load guilds', slowQuery, { warnAfterMs: 0 });
    expect(out.last()).toMatchObject({ level: 'warn', operation: 'db: load guilds', slow: true, warn_after_ms: 0, msg: 'slow operation: db: load guilds' });
  });

  it('GIVEN no threshold THEN it never warns', async () => {
    const { out, logger } = setup();
    await logDuration(logger, 'op', slowQuery);
    expect(out.last().level).toBe('debug');
  });

  it('GIVEN a failing operation THEN it logs failed: true and rethrows the same error', async () => {
    const { out, logger } = setup();
    const error = new Error('db down');
    await expect(
      logDuration(logger, 'db: query', async () => {
        await sleep(1);
        throw error;
      }),
    ).rejects.toBe(error);
    expect(out.last()).toMatchObject({ operation: 'db: query', failed: true });
  });
});

describe('startTimer', () => {
  it('GIVEN an ended timer THEN it logs extra fields and returns the duration', async () => {
    const { out, logger } = setup();
    const end = startTimer(logger, 'sync commands', { warnAfterMs: 0 });
    await sleep(1);
    const duration = end({ commands: 12 });
    expect(out.last()).toMatchObject({ level: 'warn', operation: 'sync commands', commands: 12, duration_ms: duration });
  });
});
