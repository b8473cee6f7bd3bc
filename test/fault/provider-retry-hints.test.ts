import { performance } from 'node:perf_hooks';
import { createDatabase, createLogger, migrateBaseline, type Database } from '@baseline/core';
import { createLlmEmulators, createTestDatabase, llmFault, llmReply, type LlmEmulators, type TestDatabase } from '@baseline/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmService, DEFAULT_MODELS, LlmRateLimitedError, type LlmLogger, type LlmProvider, type LlmService } from '../../packages/llm/src/index.js';
import { createLogCapture } from '@baseline/core/testing';
import { emulatedProviders, emulatorOf } from '../../packages/llm/test/support/emulated-providers.js';

// A provider's wait hint (OpenAI and xAI `retry-after-ms` / `retry-after`, Anthropic `retry-after`, Gemini
// `RetryInfo.retryDelay`) must pace every request to that provider, not only the one that received it. The
// real service talks to the emulators through the real SDKs and writes its usage rows to a real database.
// Nothing here bounds a duration from above: a request that must not reach a provider is checked by the
// emulator's request count, and a wait by a lower bound on the gap between two requests the emulator saw.
describe('provider wait hints under a 429 storm', () => {
  let testDb: TestDatabase;
  let db: Database;
  let emulators: LlmEmulators;
  const services: LlmService[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await createDatabase({ url: testDb.url, logger: createLogger({ service: 'fault-llm-hints', level: 'silent' }) });
    await migrateBaseline(db);
    emulators = await createLlmEmulators();
  });
  afterAll(async () => {
    for (const llm of services) await llm.close().catch(() => undefined);
    await emulators?.close();
    await db?.close();
    await testDb?.drop();
  });

  /** A fresh service per test, so the holds one test leaves do not reach the next one. */
  async function service(logger: LlmLogger): Promise<LlmService> {
    const llm = await createLlmService({
      logger,
      defaultProvider: 'openai',
      providers: emulatedProviders(emulators),
      storage: { db },
      // Hints up to 10 s are waited for; a longer one moves to the fallback or fails at once.
      retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 10_000 },
      usage: { buffer: { flushIntervalMs: 100 } },
    });
    services.push(llm);
    return llm;
  }

  async function usageRows(cog: string): Promise<Array<{ provider: string; status: string; error_code: string | null }>> {
    const client = new pg.Client({ connectionString: testDb.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ provider: string; status: string; error_code: string | null }>(
        'select provider, status, error_code from llm_usage where cog_name = $1 order by created_at, provider',
        [cog],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  /** Records when the emulator received each request, answering the first with `first` and the rest by default. */
  function timeRequests(provider: LlmProvider, first: ReturnType<typeof llmFault.rateLimit>): number[] {
    const seen: number[] = [];
    emulatorOf(emulators, provider).script(() => {
      seen.push(performance.now());
      return seen.length === 1 ? first : undefined;
    });
    return seen;
  }

  describe.each(['openai', 'anthropic', 'gemini', 'xai'] as const)('through %s', (provider) => {
    const fallback: LlmProvider = provider === 'openai' ? 'anthropic' : 'openai';
    const model = DEFAULT_MODELS[provider];
    const held = () => emulatorOf(emulators, provider);
    const spare = () => emulatorOf(emulators, fallback);
    const { lines, destination } = createLogCapture();
    const logger = createLogger({ service: 'llm-test', level: 'debug', destination });
    const retriesLogged = () => lines.filter((line) => line.msg === 'llm retry').length;

    it('GIVEN a 429 with a 300 ms hint THEN the retry is sent no sooner AND a request started while held waits it out too', async () => {
      const llm = await service(logger);
      held().reset();
      const cog = `hints-short-${provider}`;
      const seen = timeRequests(provider, llmFault.rateLimit({ retryAfterMs: 300 }));
      const result = await llm.complete({ provider, prompt: 'short hint', cogName: cog });
      expect(result.provider).toBe(provider);
      expect(seen).toHaveLength(2);
      expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(300);
      expect(result.attempts).toEqual([
        { provider, model, ok: false, errorCode: 'BL_ERR_LLM_RATE_LIMITED' },
        { provider, model, ok: true },
      ]);

      // Across requests: the first one is abandoned by its caller while it waits out the hint, and the next one
      // must not reach the held provider before the hint has run out either.
      held().reset();
      const later = timeRequests(provider, llmFault.rateLimit({ retryAfterMs: 300 }));
      const abandoned = new AbortController();
      const retriesBefore = retriesLogged();
      const first = llm.complete({ provider, prompt: 'abandoned', cogName: `hints-cross-${provider}`, signal: abandoned.signal });
      // The service logs its retry once it holds the provider; the caller gives up during the wait.
      await expect.poll(retriesLogged, { timeout: 30_000, interval: 10 }).toBe(retriesBefore + 1);
      abandoned.abort(new Error('caller gave up'));
      await expect(first).rejects.toThrow();
      expect(later).toHaveLength(1);
      const second = await llm.complete({ provider, prompt: 'next', cogName: `hints-cross-${provider}` });
      expect(second.attempts).toEqual([{ provider, model, ok: true }]);
      expect(later).toHaveLength(2);
      expect(later[1]! - later[0]!).toBeGreaterThanOrEqual(300);

      await expect.poll(async () => (await usageRows(cog)).length, { timeout: 30_000, interval: 100 }).toBe(2);
      expect((await usageRows(cog)).map((row) => row.status).sort()).toEqual(['error', 'ok']);
    });

    it(`GIVEN a 429 with a 60 s hint THEN a request with a fallback goes to ${fallback} without calling ${provider} again AND one without fails at once naming when to retry`, async () => {
      const llm = await service(logger);
      held().reset();
      spare().reset();
      const cog = `hints-long-${provider}`;
      held().enqueue(llmFault.rateLimit({ retryAfterMs: 60_000 }));

      const first = await llm.complete({ provider, prompt: 'storm 1', cogName: cog, fallbacks: [{ provider: fallback }] });
      expect(first.provider).toBe(fallback);
      expect(first.attempts).toEqual([
        { provider, model, ok: false, errorCode: 'BL_ERR_LLM_RATE_LIMITED' },
        { provider: fallback, model: DEFAULT_MODELS[fallback], ok: true },
      ]);
      expect(held().requests).toHaveLength(1);

      // The provider is held: later requests are not sent to it at all.
      for (let index = 0; index < 3; index += 1) {
        const next = await llm.complete({ provider, prompt: `storm ${index + 2}`, cogName: cog, fallbacks: [{ provider: fallback }] });
        expect(next.provider).toBe(fallback);
        expect(next.attempts).toEqual([{ provider: fallback, model: DEFAULT_MODELS[fallback], ok: true }]);
      }
      expect(held().requests).toHaveLength(1);
      expect(spare().requests).toHaveLength(4);

      const refused = await llm.complete({ provider, prompt: 'no fallback', cogName: cog }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(LlmRateLimitedError);
      const error = refused as LlmRateLimitedError;
      expect(error.code).toBe('BL_ERR_LLM_RATE_LIMITED');
      expect(error.provider).toBe(provider);
      // What is left of the 60 s hint: more than the 10 s the policy would wait, at most the hint.
      expect(error.retryAfterMs).toBeGreaterThan(10_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(error.message).toMatch(/not to be called before \d{4}-\d\d-\d\dT[\d:.]+Z/);
      expect(Date.parse(String(error.details?.retryAt))).toBeGreaterThan(Date.now() + 10_000);
      expect(held().requests).toHaveLength(1);

      // Every request that was sent is one usage row: the single 429, then the four answers of the fallback.
      await expect.poll(async () => (await usageRows(cog)).length, { timeout: 30_000, interval: 100 }).toBe(5);
      const rows = await usageRows(cog);
      expect(rows.filter((row) => row.provider === provider)).toEqual([{ provider, status: 'error', error_code: 'BL_ERR_LLM_RATE_LIMITED' }]);
      expect(rows.filter((row) => row.provider === fallback).map((row) => row.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    });

    it('GIVEN a storm of 429s with hints and 5xx THEN every attempt sent is a usage row AND the hints pace the retries', async () => {
      const llm = await service(logger);
      held().reset();
      spare().reset();
      const cog = `hints-storm-${provider}`;
      const seen: number[] = [];
      const script = [llmFault.rateLimit({ retryAfterMs: 200 }), llmFault.serverError(), llmFault.rateLimit({ retryAfterMs: 60_000 })];
      held().script(() => {
        seen.push(performance.now());
        return script[seen.length - 1];
      });
      spare().enqueue(llmReply.text('from the fallback'));
      const result = await llm.complete({ provider, prompt: 'storm', cogName: cog, fallbacks: [{ provider: fallback }] });
      expect(result.text).toBe('from the fallback');
      expect(seen).toHaveLength(3);
      expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(200);
      expect(result.attempts.map((attempt) => [attempt.provider, attempt.errorCode ?? 'ok'])).toEqual([
        [provider, 'BL_ERR_LLM_RATE_LIMITED'],
        [provider, 'BL_ERR_LLM_PROVIDER_UNAVAILABLE'],
        [provider, 'BL_ERR_LLM_RATE_LIMITED'],
        [fallback, 'ok'],
      ]);
      await expect.poll(async () => (await usageRows(cog)).length, { timeout: 30_000, interval: 100 }).toBe(4);
      const rows = await usageRows(cog);
      expect(
        rows
          .filter((row) => row.status === 'error')
          .map((row) => row.error_code)
          .sort(),
      ).toEqual(['BL_ERR_LLM_PROVIDER_UNAVAILABLE', 'BL_ERR_LLM_RATE_LIMITED', 'BL_ERR_LLM_RATE_LIMITED']);
    });
  });
});
