import { createLlmEmulators, llmReply, type LlmEmulators } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmService, LlmBudgetExceededError, snapshotPricingRecords, type LlmProvider, type LlmServiceOptions } from '../../src/index.js';
import { emulatedProviders, emulatorOf } from '../support/emulated-providers.js';
import { createTestStack } from '../support/test-stack.js';

let stack: Awaited<ReturnType<typeof createTestStack>>;
let emulators: LlmEmulators;
beforeAll(async () => {
  stack = await createTestStack();
  emulators = await createLlmEmulators();
});
afterAll(async () => {
  await emulators.close();
  await stack.close();
});

function service(options: Partial<LlmServiceOptions> = {}) {
  return createLlmService({
    defaultProvider: 'openai',
    providers: emulatedProviders(emulators),
    storage: { db: stack.db },
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
}

describe('pricing in llm_model_pricing', () => {
  it('GIVEN two services created on one database THEN the snapshot is seeded once and edits in the table change billing', async () => {
    const earlier = await service();
    const { count } = await stack.one<{ count: number }>('select count(*)::int as count from llm_model_pricing');
    expect(count).toBe(snapshotPricingRecords().length);
    await earlier.close();
    const llm = await service();
    const { count: again } = await stack.one<{ count: number }>('select count(*)::int as count from llm_model_pricing');
    expect(again).toBe(count);

    const [row] = await stack.rows<{ input: string; pricing: Record<string, unknown> }>(
      `select input_cost_per_1k_tokens::text as input, pricing from llm_model_pricing where provider = 'openai' and model = 'gpt-4.1'`,
    );
    expect(row?.input).toBe('0.002000000000');
    expect(row?.pricing.output_cost_per_token).toBe(8e-6);

    await stack.rows(`update llm_model_pricing set input_cost_per_1k_tokens = '0.010000000000' where provider = 'openai' and model = 'gpt-4.1'`);
    await llm.reloadPricing();
    emulators.openai.enqueue(llmReply.text('x', { usage: { input: 1000, output: 0 } }));
    const result = await llm.complete({ model: 'gpt-4.1', prompt: 'p' });
    // 1 000 tokens × $0.01 per 1k
    expect(result.costUsd).toBe('0.0100000000');
    await llm.close();
    const [usage] = await stack.rows<{ pricing_id: number; id: number }>(
      `select u.pricing_id, p.id from llm_usage u join llm_model_pricing p on p.id = u.pricing_id where u.model = 'gpt-4.1'`,
    );
    expect(usage?.pricing_id).toBe(usage?.id);
  });
});

describe('cost of cache reads, cache writes and reasoning, per provider', () => {
  const cases: Array<[LlmProvider, string, Record<string, number>, string]> = [
    // 2 000 × 1e-6 + 6 000 × 1e-7 + 2 000 × 1.25e-6 + (300 + 500) × 6e-6
    ['openai', 'gpt-5.6-luna', { input: 2000, cacheRead: 6000, cacheWrite5m: 2000, output: 300, reasoning: 500 }, '0.0099000000'],
    // 100 × 3e-6 + 1 000 × 3.75e-6 + 2 000 × 6e-6 + 5 000 × 3e-7 + (400 + 200) × 1.5e-5
    ['anthropic', 'claude-sonnet-4-6', { input: 100, cacheRead: 5000, cacheWrite5m: 1000, cacheWrite1h: 2000, output: 400, reasoning: 200 }, '0.0265500000'],
    // 2 000 × 3e-7 + 8 000 × 3e-8 + (500 + 300) × 2.5e-6
    ['gemini', 'gemini-2.5-flash', { input: 2000, cacheRead: 8000, output: 500, reasoning: 300 }, '0.0028400000'],
    // 100 × 1.25e-6 + 200 × 2e-7 + (20 + 100) × 2.5e-6
    ['xai', 'grok-4.3', { input: 100, cacheRead: 200, output: 20, reasoning: 100 }, '0.0004650000'],
  ];
  it.each(cases)('GIVEN %s/%s usage THEN llm_usage holds the hand-computed cost', async (provider, model, usage, expected) => {
    const llm = await service();
    emulatorOf(emulators, provider).enqueue(llmReply.text('answer', { usage }));
    const result = await llm.complete({ provider, model, prompt: 'p', cogName: `cost-${provider}` });
    expect(result.costUsd).toBe(expected);
    await llm.close();
    const [row] = await stack.rows<Record<string, unknown>>(
      `select estimated_cost_usd::text as cost, prompt_tokens, completion_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, total_tokens
         from llm_usage where cog_name = ?`,
      [`cost-${provider}`],
    );
    const cacheWrite = (usage.cacheWrite5m ?? 0) + (usage.cacheWrite1h ?? 0);
    const prompt = usage.input! + usage.cacheRead! + cacheWrite;
    const completion = usage.output! + usage.reasoning!;
    expect(row).toEqual({
      cost: expected,
      prompt_tokens: prompt,
      completion_tokens: completion,
      cache_read_tokens: usage.cacheRead,
      cache_write_tokens: cacheWrite,
      reasoning_tokens: usage.reasoning,
      total_tokens: prompt + completion,
    });
  });
});

describe('usage rows under load and at shutdown', () => {
  it('GIVEN 100 concurrent requests THEN close() leaves exactly 100 rows, none lost', async () => {
    const llm = await service({ usage: { buffer: { maxBatch: 30, flushIntervalMs: 60_000 } } });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        llm.complete({ provider: (['openai', 'anthropic', 'gemini', 'xai'] as const)[i % 4], prompt: `n${i}`, cogName: 'load' }),
      ),
    );
    expect(results).toHaveLength(100);
    await llm.close();
    const { count, cost } = await stack.one<{ count: number; cost: string }>(
      `select count(*)::int as count, sum(estimated_cost_usd)::text as cost from llm_usage where cog_name = 'load'`,
    );
    expect(count).toBe(100);
    const expected = results.reduce((sum, r) => sum + BigInt(r.costUsd.replace('.', '')), 0n);
    expect(BigInt(cost.replace('.', ''))).toBe(expected);
  });

  it('GIVEN rows still buffered THEN close() writes them before returning', async () => {
    const llm = await service({ usage: { buffer: { maxBatch: 1000, flushIntervalMs: 60_000 } } });
    await llm.complete({ prompt: 'a', cogName: 'shutdown' });
    await llm.complete({ prompt: 'b', cogName: 'shutdown' });
    expect(llm.pendingUsageRows).toBe(2);
    const { before } = await stack.one<{ before: number }>(`select count(*)::int as before from llm_usage where cog_name = 'shutdown'`);
    expect(before).toBe(0);
    await llm.close();
    const { after } = await stack.one<{ after: number }>(`select count(*)::int as after from llm_usage where cog_name = 'shutdown'`);
    expect(after).toBe(2);
  });

  it('GIVEN recorded usage THEN aggregations group by guild, provider and day', async () => {
    const llm = await service();
    emulators.openai.enqueue(llmReply.text('1', { usage: { input: 1000, output: 100 } }), llmReply.text('2', { usage: { input: 1000, output: 100 } }));
    emulators.anthropic.enqueue(llmReply.text('3', { usage: { input: 10, output: 10 } }));
    await llm.complete({ prompt: 'x', guildId: '900', cogName: 'agg' });
    await llm.complete({ prompt: 'x', guildId: '900', cogName: 'agg' });
    await llm.complete({ provider: 'anthropic', prompt: 'x', guildId: '901', cogName: 'agg' });
    const rows = await llm.usage({ groupBy: ['guild', 'provider'], period: 'day', cogName: 'agg' });
    await llm.close();
    // gpt-5.4-mini: 2 × (1 000 × 7.5e-7 + 100 × 4.5e-6) = 2 × 0.0012
    expect(rows).toEqual([
      expect.objectContaining({
        guildId: '900',
        provider: 'openai',
        requests: 2,
        errors: 0,
        promptTokens: 2000,
        completionTokens: 200,
        costUsd: '0.0024000000',
      }),
      expect.objectContaining({ guildId: '901', provider: 'anthropic', requests: 1, promptTokens: 10 }),
    ]);
    expect(rows[0]?.period).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  });
});

describe('budgets across processes (real Redis)', () => {
  it('GIVEN a guild over its daily budget in one process THEN the next request in another process is refused before sending', async () => {
    const budgets = { guild: { dailyUsd: '0.001' } };
    const first = await service({ kv: stack.kv(), budgets });
    const second = await service({ kv: stack.kv(), budgets });
    // gpt-5.4-mini: 1 000 × 7.5e-7 + 100 × 4.5e-6 = $0.0012 > $0.001
    emulators.openai.enqueue(llmReply.text('spend', { usage: { input: 1000, output: 100 } }));
    // maxTokens bounds the reservation: 8 × 7.5e-7 + 100 × 4.5e-6 = $0.000456 fits under $0.001.
    await first.complete({ prompt: 'x', maxTokens: 100, guildId: '777' });
    await expect.poll(() => first.budgetSpentUsd('guild', '777', 'day')).toBe('0.001200');
    const before = emulators.openai.requests.length;
    await expect(second.complete({ prompt: 'y', maxTokens: 100, guildId: '777' })).rejects.toBeInstanceOf(LlmBudgetExceededError);
    await expect(second.complete({ prompt: 'y', maxTokens: 100, guildId: '778' })).resolves.toMatchObject({ provider: 'openai' });
    expect(emulators.openai.requests.length).toBe(before + 1);
    await first.close();
    await second.close();
  });
});
