import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('GET /llm/usage/breakdown', () => {
  let stack: ApiStack;
  let dev: ApiClient;

  beforeAll(async () => {
    stack = await createApiStack();
    dev = await stack.login('dev');
    const sql = stack.db.fork().getConnection();
    const usage = [
      [stack.guilds.alpha, 'chat', 'openai', 'gpt-a', 100, '0.5', '2026-01-05T10:00:00Z', null],
      [stack.guilds.alpha, 'chat', 'openai', 'gpt-a', 50, '0.25', '2026-01-06T10:00:00Z', null],
      [stack.guilds.beta, 'summary', 'anthropic', 'claude-b', 10, '2', '2026-01-05T12:00:00Z', null],
      [stack.guilds.beta, 'summary', 'anthropic', 'claude-x', 7, '0', '2026-01-06T12:00:00Z', '{"unpriced": true}'],
    ] as const;
    for (const [guild, cog, provider, model, tokens, cost, at, metadata] of usage) {
      await sql.execute(
        `insert into llm_usage (guild_id, cog_name, provider, model, request_type, status, prompt_tokens, completion_tokens, total_tokens,
           estimated_cost_usd, latency_ms, created_at, metadata) values (?, ?, ?, ?, 'text', 'ok', ?, 0, ?, ?, 100, ?, ?)`,
        [guild, cog, provider, model, tokens, tokens, cost, at, metadata],
      );
    }
  });
  afterAll(() => stack?.close());

  it('GIVEN usage split by guild THEN the series is per day and guild, the top guilds carry their names by cost, and unpriced requests are counted', async () => {
    const response = await dev.get('/api/v1/llm/usage/breakdown?from=2026-01-01&to=2026-02-01&granularity=day&by=guild');
    expect(response.status).toBe(200);
    expect(response.body.series.map((row: { period: string; key: string; cost_usd: string }) => [row.period.slice(0, 10), row.key, row.cost_usd])).toEqual([
      ['2026-01-05', stack.guilds.alpha, '0.5000000000'],
      ['2026-01-05', stack.guilds.beta, '2.0000000000'],
      ['2026-01-06', stack.guilds.alpha, '0.2500000000'],
      ['2026-01-06', stack.guilds.beta, '0.0000000000'],
    ]);
    // beta: 2 + 0 = 2 USD; alpha: 0.5 + 0.25 = 0.75 USD.
    expect(response.body.top_guilds.map((row: { label: string; requests: number }) => [row.label, row.requests])).toEqual([
      ['Beta', 2],
      ['Alpha', 2],
    ]);
    expect(response.body.unpriced_requests).toBe(1);
  });

  it('GIVEN a split by cog per month THEN keys are cog names AND the range check names query.from', async () => {
    const response = await dev.get('/api/v1/llm/usage/breakdown?from=2026-01-01&to=2026-02-01&granularity=month&by=cog');
    expect(response.body.top.map((row: { key: string; total_tokens: string }) => [row.key, row.total_tokens])).toEqual([
      ['summary', '17'],
      ['chat', '150'],
    ]);
    const backwards = await dev.get('/api/v1/llm/usage/breakdown?from=2026-02-01&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('query.from');
  });

  it('GIVEN a year-0 or year-10000 date THEN 400 BL_ERR_API_INVALID_REQUEST, not 500 (regression: the route took any ISO date to PostgreSQL)', async () => {
    for (const query of ['from=0000-01-01', 'to=0000-01-01T00:00:00Z', 'from=2026-01-01&to=10000-01-01']) {
      const response = await dev.get(`/api/v1/llm/usage/breakdown?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('BL_ERR_API_INVALID_REQUEST');
    }
  });
});
