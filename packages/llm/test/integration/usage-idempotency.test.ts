import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowExecutorFromDatabase } from '@baseline/core';
import { createSqlUsageSink, UsageRecorder, type UsageRecord, type UsageSink } from '../../src/index.js';
import { createTestStack } from '../support/test-stack.js';

let stack: Awaited<ReturnType<typeof createTestStack>>;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

const row = (n: number): UsageRecord => ({
  guildId: '111111111111111111',
  userId: null,
  cogName: `idempotency-${n}`,
  provider: 'openai',
  model: 'm',
  requestType: 'text',
  status: 'ok',
  errorCode: null,
  promptTokens: 10,
  completionTokens: 5,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  totalTokens: 15,
  units: null,
  costUsd: '0.0000010000',
  latencyMs: 1,
  pricingId: null,
  createdAt: new Date(),
  metadata: {},
});

describe('usage rows written twice', () => {
  it('GIVEN an insert that PostgreSQL committed but whose answer was lost THEN the retry stores nothing more AND the total is billed once', async () => {
    const sql = createSqlUsageSink(rowExecutorFromDatabase(stack.db));
    let lostAnswers = 1;
    // The batch reaches the database, then the caller sees a failure (as when the connection drops after commit).
    const sink: UsageSink = {
      async write(records) {
        await sql.write(records);
        if (lostAnswers-- > 0) throw new Error('connection terminated after the insert committed');
      },
    };
    const recorder = new UsageRecorder({ sink, maxBatch: 50, flushIntervalMs: 60_000 });
    for (let i = 0; i < 20; i++) recorder.record(row(i));
    await expect(recorder.flush()).rejects.toThrow('connection terminated');
    expect(recorder.pending).toBe(20);
    await recorder.close();

    const { count, cost } = await stack.one<{ count: number; cost: string }>(
      `select count(*)::int as count, sum(estimated_cost_usd)::text as cost from llm_usage where cog_name like 'idempotency-%'`,
    );
    expect(count).toBe(20);
    // 20 rows × $0.000001
    expect(cost).toBe('0.0000200000');
    const { distinct } = await stack.one<{ distinct: number }>(
      `select count(distinct record_id)::int as distinct from llm_usage where cog_name like 'idempotency-%'`,
    );
    expect(distinct).toBe(20);
  });

  it('GIVEN rows recorded without a key THEN the recorder gives each its own', () => {
    const seen: UsageRecord[] = [];
    const recorder = new UsageRecorder({ sink: { write: async (records) => void seen.push(...records) }, flushIntervalMs: 60_000 });
    recorder.record(row(1));
    recorder.record(row(1));
    return recorder.close().then(() => {
      expect(seen).toHaveLength(2);
      expect(seen[0]?.recordId).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen[0]?.recordId).not.toBe(seen[1]?.recordId);
    });
  });
});
