import { llmFault, llmReply } from '@baseline/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { snapshotPricingRecords } from '../../src/index.js';
import { createLogger } from '@baseline/core';
import { createLogCapture } from '@baseline/core/testing';
import { emulatedService } from '../support/emulated-providers.js';

/** The snapshot prices, with gpt-4.1's input at 10 × its price from `from` on. */
function pricesChangingSoon(from: Date) {
  const records = snapshotPricingRecords();
  const base = records.find((r) => r.provider === 'openai' && r.model === 'gpt-4.1')!;
  records.push({ ...base, rates: { ...base.rates, input: base.rates.input! * 10n }, effectiveFrom: from, source: 'test' });
  return records;
}

const { lines, destination } = createLogCapture();
const logger = createLogger({ service: 'llm-test', level: 'debug', destination });
let env: Awaited<ReturnType<typeof emulatedService>>;
beforeAll(async () => {
  env = await emulatedService({ logger });
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.reset();
  lines.length = 0;
});

describe('which price applies', () => {
  it.each([false, true])('GIVEN Gemini served on the priority tier (stream: %s) THEN the x-gemini-service-tier header sets the price', async (stream) => {
    env.emulators.gemini.enqueue(llmReply.text('ok', { usage: { input: 1_000, output: 100, reasoning: 200 }, serviceTier: 'priority' }));
    const request = { provider: 'gemini' as const, model: 'gemini-3.6-flash', prompt: 'p' };
    let result;
    if (stream) {
      const reading = env.llm.stream(request);
      for await (const delta of reading) expect(typeof delta).toBe('string');
      result = await reading.result;
    } else {
      result = await env.llm.complete(request);
    }
    // Priority: 1 000 × 2.7e-6 + (100 + 200) × 1.35e-5 = 0.0027 + 0.00405 (standard would be 0.00375)
    expect(result.costUsd).toBe('0.0067500000');
    await env.llm.flush();
    expect(env.sink.rows[0]?.metadata.serviceTier).toBe('priority');
  });

  it('GIVEN a price period that starts while an attempt runs THEN the attempt is priced by the period in force when it started', async () => {
    const slow = await emulatedService({ pricing: pricesChangingSoon(new Date(Date.now() + 1_000)) });
    slow.emulators.openai.enqueue(llmFault.delay(2_000, llmReply.text('ok', { usage: { input: 1_000, output: 0 } })));
    const result = await slow.llm.complete({ model: 'gpt-4.1', prompt: 'p' });
    await slow.close();
    // 1 000 × 2e-6 (the old period), not 1 000 × 2e-5 (the one in force when the answer arrived)
    expect(result.costUsd).toBe('0.0020000000');
  });
});

describe("xAI's own cost figure", () => {
  it('GIVEN cost_in_usd_ticks equal to our cost THEN it is stored beside ours and nothing is logged', async () => {
    // grok-4.3: 100 × 1.25e-6 + 200 × 2e-7 + (20 + 100) × 2.5e-6 = 465 µUSD = 4 650 000 ticks of 1e-10
    env.emulators.xai.enqueue(llmReply.text('ok', { usage: { input: 100, cacheRead: 200, output: 20, reasoning: 100, costInUsdTicks: 4_650_000 } }));
    const result = await env.llm.complete({ provider: 'xai', model: 'grok-4.3', prompt: 'p' });
    expect(result.costUsd).toBe('0.0004650000');
    await env.llm.flush();
    expect(env.sink.rows[0]?.metadata.providerCostUsd).toBe('0.0004650000');
    expect(lines.filter((l) => l.msg.includes('differs'))).toEqual([]);
  });

  it('GIVEN cost_in_usd_ticks that differ from our cost THEN the difference is logged with both figures', async () => {
    env.emulators.xai.enqueue(llmReply.text('ok', { usage: { input: 100, cacheRead: 200, output: 20, reasoning: 100, costInUsdTicks: 5_000_000 } }));
    await env.llm.complete({ provider: 'xai', model: 'grok-4.3', prompt: 'p' });
    await env.llm.flush();
    expect(env.sink.rows[0]?.metadata.providerCostUsd).toBe('0.0005000000');
    expect(lines.filter((l) => l.msg.includes('differs'))).toEqual([
      expect.objectContaining({ provider: 'xai', model: 'grok-4.3', cost_usd: '0.0004650000', provider_cost_usd: '0.0005000000' }),
    ]);
  });
});
