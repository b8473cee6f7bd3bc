import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createServices, definePlugin, loadConfig, type BaselineServices } from '@baseline/core';
import { createLlmEmulator, createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmExtension } from '../../src/index.js';

describe('llmExtension', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let emulator: Awaited<ReturnType<typeof createLlmEmulator>>;
  let services: BaselineServices;
  let seenInSetup: unknown;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    emulator = await createLlmEmulator({ provider: 'openai' });
    const appDir = mkdtempSync(join(tmpdir(), 'bl-llm-app-'));
    writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'app', private: true, dependencies: {} }));
    const probe = definePlugin({
      id: 'probe',
      name: 'Probe',
      version: '1.0.0',
      setup: ({ services: container }) => void (seenInSetup = container.llm),
    });
    services = await createServices({
      appDir,
      config: loadConfig({
        env: { DATABASE_URL: db.url, REDIS_URL: redis.url, OPENAI_API_KEY: emulator.apiKey, OPENAI_BASE_URL: emulator.baseURL },
        envFiles: false,
      }),
      logger: createLogger({ service: 'test', level: 'silent' }),
      kvPrefix: redis.prefix,
      plugins: [probe],
      extensions: [llmExtension({ providers: { openai: { defaultModel: 'gpt-4.1' } } })],
    });
  });

  afterAll(async () => {
    await emulator?.close();
    await redis.cleanup();
    await db.drop();
  });

  it('GIVEN the extension THEN plugins see services.llm in setup AND a call is recorded in the container database when it closes', async () => {
    expect(services.llm).toBeDefined();
    expect(seenInSetup).toBe(services.llm);
    const seeded = await services.db.orm.em.getConnection().execute<{ count: number }[]>('select count(*)::int as count from llm_model_pricing');
    expect(seeded[0]?.count).toBeGreaterThan(0);

    const result = await services.llm!.complete({ prompt: 'hello', cogName: 'probe-cog' });
    expect(result.text.length).toBeGreaterThan(0);
    const check = await createTestDatabaseReader(db.url);
    await services.close();
    const rows = await check('select provider, model, cog_name from llm_usage');
    expect(rows).toEqual([{ provider: 'openai', model: 'gpt-4.1', cog_name: 'probe-cog' }]);
  });
});

async function createTestDatabaseReader(url: string) {
  const { default: pg } = await import('pg');
  return async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
}
