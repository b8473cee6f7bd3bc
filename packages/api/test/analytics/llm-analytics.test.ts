import { listAuditLog } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('LLM analytics from llm_usage and llm_model_pricing', () => {
  let stack: ApiStack;
  let dev: ApiClient;

  beforeAll(async () => {
    stack = await createApiStack();
    dev = await stack.login('dev');
    const sql = stack.db.fork().getConnection();
    const usage = [
      [stack.guilds.alpha, 'chat', 'openai', 'gpt-a', 'ok', 100, 50, '0.1000000001', '2026-01-05T10:00:00Z'],
      [stack.guilds.alpha, 'chat', 'openai', 'gpt-a', 'error', 10, 5, '0.2', '2026-01-06T23:30:00Z'],
      [stack.guilds.beta, 'summary', 'anthropic', 'claude-b', 'ok', 1, 1, '0.0000000002', '2026-01-20T10:00:00Z'],
      [stack.guilds.beta, 'summary', 'anthropic', 'claude-b', 'ok', 7, 7, '5', '2025-12-01T10:00:00Z'],
    ] as const;
    for (const [guild, cog, provider, model, status, prompt, completion, cost, at] of usage) {
      await sql.execute(
        `insert into llm_usage (guild_id, cog_name, provider, model, request_type, status, prompt_tokens, completion_tokens, total_tokens,
           estimated_cost_usd, latency_ms, created_at) values (?, ?, ?, ?, 'text', ?, ?, ?, ?, ?, 100, ?)`,
        [guild, cog, provider, model, status, prompt, completion, prompt + completion, cost, at],
      );
    }
    await sql.execute(
      `insert into llm_model_pricing (provider, model, input_cost_per_1k_tokens, output_cost_per_1k_tokens, pricing, effective_from, source)
       values ('openai', 'gpt-a', '0.001', '0.004', '{"tiers": [1, 2]}', '2025-01-01T00:00:00Z', 'snapshot')`,
    );
  });
  afterAll(() => stack?.close());

  const range = 'from=2026-01-01&to=2026-02-01';

  it('GIVEN usage over a range by day THEN totals are exact decimal strings AND rows outside the range are left out', async () => {
    const response = await dev.get(`/api/v1/llm/usage/summary?${range}&granularity=day`);
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({
      requests: 3,
      errors: 1,
      prompt_tokens: '111',
      completion_tokens: '56',
      total_tokens: '167',
      cost_usd: '0.3000000003',
    });
    expect(response.body.by_period.map((row: { period: string; model: string }) => [row.period, row.model])).toEqual([
      ['2026-01-05T00:00:00.000Z', 'gpt-a'],
      ['2026-01-06T00:00:00.000Z', 'gpt-a'],
      ['2026-01-20T00:00:00.000Z', 'claude-b'],
    ]);
    expect(response.body.by_model).toEqual([
      expect.objectContaining({ provider: 'anthropic', model: 'claude-b', requests: 1, cost_usd: '0.0000000002' }),
      expect.objectContaining({ provider: 'openai', model: 'gpt-a', requests: 2, cost_usd: '0.3000000001' }),
    ]);
  });

  it('GIVEN week and month granularity THEN periods start on Monday and on the 1st (UTC)', async () => {
    const weeks = (await dev.get(`/api/v1/llm/usage/summary?${range}&granularity=week`)).body.by_period;
    expect(weeks.map((row: { period: string; requests: number }) => [row.period, row.requests])).toEqual([
      ['2026-01-05T00:00:00.000Z', 2],
      ['2026-01-19T00:00:00.000Z', 1],
    ]);
    const months = (await dev.get('/api/v1/llm/usage/summary?from=2025-11-01&to=2026-02-01&granularity=month')).body.by_period;
    expect(months.map((row: { period: string; model: string; cost_usd: string }) => [row.period, row.model, row.cost_usd])).toEqual([
      ['2025-12-01T00:00:00.000Z', 'claude-b', '5.0000000000'],
      ['2026-01-01T00:00:00.000Z', 'claude-b', '0.0000000002'],
      ['2026-01-01T00:00:00.000Z', 'gpt-a', '0.3000000001'],
    ]);
  });

  it('GIVEN a guild or a cog THEN only its usage is summed', async () => {
    const guild = await dev.get(`/api/v1/llm/usage/by-guild/${stack.guilds.alpha}?${range}`);
    expect(guild.body.totals).toMatchObject({ requests: 2, cost_usd: '0.3000000001' });
    const cog = await dev.get(`/api/v1/llm/usage/by-cog/summary?${range}`);
    expect(cog.body.totals).toMatchObject({ requests: 1, cost_usd: '0.0000000002' });
  });

  it('GIVEN a range that ends before it starts, or a bad granularity THEN 400 with field paths', async () => {
    const backwards = await dev.get('/api/v1/llm/usage/summary?from=2026-02-01&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('query.from');
    const granularity = await dev.get('/api/v1/llm/usage/summary?granularity=hour');
    expect(granularity.status).toBe(400);
    expect(granularity.body.error.fields[0].path).toBe('query.granularity');
  });

  it('GIVEN a price change THEN the old period closes, the new price is listed, details are kept AND the change is audited', async () => {
    const before = (await dev.get('/api/v1/llm/models')).body.models;
    expect(before).toEqual([expect.objectContaining({ provider: 'openai', model: 'gpt-a', input_cost_per_1k_tokens: '0.001000000000' })]);
    const change = await dev.request('PUT', '/api/v1/llm/models/openai/gpt-a/pricing', {
      body: { input_cost_per_1k_tokens: '0.0025', output_cost_per_1k_tokens: '0.01' },
    });
    expect(change.status).toBe(200);
    expect(change.body).toMatchObject({ input_cost_per_1k_tokens: '0.002500000000', output_cost_per_1k_tokens: '0.010000000000', source: 'api' });
    expect((await dev.get('/api/v1/llm/models')).body.models).toEqual([expect.objectContaining({ input_cost_per_1k_tokens: '0.002500000000' })]);
    const rows = await stack.db
      .fork()
      .getConnection()
      .execute<{ effective_to: Date | null; pricing: unknown }[]>(
        `select effective_to, pricing from llm_model_pricing where provider = 'openai' and model = 'gpt-a' order by effective_from`,
      );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.effective_to).not.toBeNull();
    expect(rows[1]).toMatchObject({ effective_to: null, pricing: { tiers: [1, 2] } });
    const [entry] = await listAuditLog(stack.db, null, { action: 'pricing.update' });
    expect(entry).toMatchObject({ actorUserId: stack.userIds.dev, target: 'openai/gpt-a' });
  });

  it('GIVEN a price that is not a decimal string THEN 422 AND nothing changes', async () => {
    const response = await dev.request('PUT', '/api/v1/llm/models/openai/gpt-a/pricing', {
      body: { input_cost_per_1k_tokens: 0.5, output_cost_per_1k_tokens: '-1' },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.fields.map((field: { path: string }) => field.path)).toEqual([
      'body.input_cost_per_1k_tokens',
      'body.output_cost_per_1k_tokens',
    ]);
    expect((await dev.get('/api/v1/llm/models')).body.models[0].input_cost_per_1k_tokens).toBe('0.002500000000');
  });
});
