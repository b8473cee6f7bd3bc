import { createDatabase, createLogger, migrateBaseline, type Database } from '@baseline/core';
import { createLlmEmulators, createTestDatabase, llmFault, llmReply, type LlmEmulators, type TestDatabase } from '@baseline/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmService, type LlmService } from '../../packages/llm/src/index.js';
import { emulatedProviders } from '../../packages/llm/test/support/emulated-providers.js';
import { createTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

// The LLM service writes usage rows through a proxy to the shared PostgreSQL; the test takes the database away
// (proxy stopped, the service's backends terminated) while requests go on, then brings it back.
describe('PostgreSQL restarted under LLM traffic', () => {
  let testDb: TestDatabase;
  let proxy: TcpProxy;
  let db: Database;
  let emulators: LlmEmulators;
  let llm: LlmService;
  const admin = () => new pg.Client({ connectionString: testDb.url });

  async function usageRows(cog: string): Promise<number> {
    const client = admin();
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>('select count(*)::int as count from llm_usage where cog_name = $1', [cog]);
      return rows[0]!.count;
    } finally {
      await client.end();
    }
  }

  async function terminateBackends(): Promise<number> {
    const client = admin();
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      return rows.length;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    testDb = await createTestDatabase();
    proxy = await createTcpProxy({ target: { host: '127.0.0.1', port: Number(new URL(testDb.url).port || 5432) } });
    db = await createDatabase({ url: proxy.rewrite(testDb.url), logger: createLogger({ service: 'fault-llm', level: 'silent' }) });
    await migrateBaseline(db);
    emulators = await createLlmEmulators();
    llm = await createLlmService({
      defaultProvider: 'openai',
      providers: emulatedProviders(emulators),
      storage: { db },
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      usage: { buffer: { flushIntervalMs: 100 } },
    });
  });
  afterAll(async () => {
    await proxy?.start();
    await emulators?.close();
    await db?.close();
    await proxy?.close();
    await testDb?.drop();
  });

  it('GIVEN the database stopped mid-traffic THEN requests keep answering AND every usage row is written once it returns (row count equals attempts)', async () => {
    const complete = (index: number) => llm.complete({ model: 'gpt-4.1', prompt: `p${index}`, cogName: 'pg-restart' });
    emulators.openai.reset();
    for (let index = 0; index < 5; index += 1) await complete(index);
    await expect.poll(() => usageRows('pg-restart'), { timeout: 20_000 }).toBe(5);

    await terminateBackends();
    await proxy.stop();
    const during = await Promise.all(Array.from({ length: 10 }, (_, index) => complete(100 + index)));
    expect(during.every((result) => result.text.length > 0)).toBe(true);
    // Rows wait in memory while the database is away; give the recorder time to fail at least one flush.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await usageRows('pg-restart')).toBe(5);

    await proxy.start();
    for (let index = 0; index < 5; index += 1) await complete(200 + index);
    await expect.poll(() => usageRows('pg-restart'), { timeout: 30_000, interval: 250 }).toBe(20);
    expect(emulators.openai.requests.length).toBe(20);
  });

  it('GIVEN backends killed with pg_terminate_backend between flushes THEN no row is lost or written twice', async () => {
    emulators.openai.reset();
    for (let round = 0; round < 3; round += 1) {
      for (let index = 0; index < 4; index += 1) await llm.complete({ model: 'gpt-4.1', prompt: `t${round}-${index}`, cogName: 'pg-terminate' });
      await terminateBackends();
    }
    await llm.flush().catch(() => undefined);
    await expect.poll(() => usageRows('pg-terminate'), { timeout: 30_000, interval: 250 }).toBe(12);
    expect(emulators.openai.requests.length).toBe(12);
  });

  it('GIVEN a provider storm of 429 and 5xx THEN the fallback answers AND every attempt is in the result and in llm_usage', async () => {
    emulators.openai.reset();
    emulators.anthropic.reset();
    emulators.openai.enqueue(llmFault.rateLimit({ retryAfterMs: 30 }), llmFault.serverError(), llmFault.overloaded(), llmFault.serverError({ status: 502 }));
    emulators.anthropic.enqueue(llmReply.text('from the fallback'));
    const result = await llm.complete({
      model: 'gpt-4.1',
      prompt: 'storm',
      cogName: 'pg-storm',
      fallbacks: [{ provider: 'anthropic', model: 'claude-haiku-4-5' }],
    });
    expect(result.text).toBe('from the fallback');
    expect(result.provider).toBe('anthropic');
    const attempts = emulators.openai.requests.length + emulators.anthropic.requests.length;
    expect(emulators.anthropic.requests.length).toBe(1);
    // Each failed attempt is in the result with its reason, the answering one last.
    expect(result.attempts).toHaveLength(attempts);
    expect(result.attempts.slice(0, -1).every((attempt) => !attempt.ok && attempt.provider === 'openai' && attempt.errorCode?.startsWith('BL_ERR_'))).toBe(
      true,
    );
    expect(result.attempts.at(-1)).toMatchObject({ provider: 'anthropic', ok: true });
    await expect.poll(() => usageRows('pg-storm'), { timeout: 30_000, interval: 250 }).toBe(attempts);
  });
});
