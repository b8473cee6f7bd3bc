import { describe, expect, it } from 'vitest';
import { UsageRecorder, type UsageRecord, type UsageSink } from '../../src/index.js';

const row = (n: number): UsageRecord => ({
  guildId: null,
  userId: null,
  cogName: `c${n}`,
  provider: 'openai',
  model: 'm',
  requestType: 'text',
  status: 'ok',
  errorCode: null,
  promptTokens: 1,
  completionTokens: 1,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  totalTokens: 2,
  units: null,
  costUsd: '0.0000000001',
  latencyMs: 1,
  pricingId: null,
  createdAt: new Date(),
  metadata: {},
});

describe('UsageRecorder', () => {
  it('GIVEN a failing sink THEN rows are kept and written by a later flush, none lost or duplicated', async () => {
    const written: UsageRecord[] = [];
    let fail = true;
    const sink: UsageSink = {
      async write(records) {
        if (fail) throw new Error('db down');
        written.push(...records);
      },
    };
    const recorder = new UsageRecorder({ sink, maxBatch: 2, flushIntervalMs: 60_000 });
    for (let i = 0; i < 5; i++) recorder.record(row(i));
    await recorder.flush().catch(() => undefined);
    expect(written).toHaveLength(0);
    expect(recorder.pending).toBe(5);
    fail = false;
    await recorder.close();
    expect(written.map((r) => r.cogName)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(recorder.pending).toBe(0);
  });
});
