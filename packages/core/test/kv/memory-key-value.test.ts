import { describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { createCaptureLogger } from '../../src/testing/index.js';

const LEVEL = pino.levels.values;

describe('in-memory key-value store', () => {
  it('GIVEN several stores in one process THEN the single-process warning is logged once', async () => {
    vi.resetModules();
    const { createMemoryKeyValue } = await import('../../src/kv/create-memory-key-value.js');
    const { logger, lines } = createCaptureLogger();
    const stores = [createMemoryKeyValue({ logger }), createMemoryKeyValue({ logger })];
    const warnings = lines.filter((line) => line.level === LEVEL.warn);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/single-process development only/);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('GIVEN two in-memory stores THEN they share nothing', async () => {
    const { createMemoryKeyValue } = await import('../../src/kv/create-memory-key-value.js');
    const { logger } = createCaptureLogger();
    const first = createMemoryKeyValue({ logger });
    const second = createMemoryKeyValue({ logger });
    await first.set('key', 'v');
    expect(await second.get('key')).toBeUndefined();
    await Promise.all([first.close(), second.close()]);
  });
});
