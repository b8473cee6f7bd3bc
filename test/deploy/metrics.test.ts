// Prometheus metrics of a running bot and API: real traffic through the Discord and LLM emulators, scraped from the
// real /metrics endpoints and parsed by a Prometheus text-format parser; the Grafana dashboard's queries name them.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createLogger, createServices, loadConfig, type BaselineServices } from '@baseline/core';
import {
  createDiscordEmulator,
  createLlmEmulator,
  createTestDatabase,
  createTestRedis,
  type DiscordEmulator,
  type TestDatabase,
  type TestRedis,
} from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type BaselineApi } from '../../packages/api/src/index.js';
import { Cog, createBot, slashCommand, type Bot } from '../../packages/bot/src/index.js';
import { llmExtension } from '../../packages/llm/src/index.js';
import { scrape, valueOf, type Family } from './support/prometheus-text.js';

const dashboard = JSON.parse(readFileSync(new URL('../../docs/grafana/baseline-dashboard.json', import.meta.url), 'utf8')) as {
  panels: { title: string; targets?: { expr: string }[] }[];
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Prometheus metrics', () => {
  let discord: DiscordEmulator;
  let llm: Awaited<ReturnType<typeof createLlmEmulator>>;
  let database: TestDatabase;
  let redis: TestRedis;
  let services: BaselineServices;
  let bot: Bot;
  let api: BaselineApi;
  let botMetricsUrl: string;
  let apiUrl: string;

  beforeAll(async () => {
    discord = await createDiscordEmulator({
      gateway: { identifyIntervalMs: 0 },
      seed: {
        users: [{ username: 'owner' }],
        guilds: [
          { name: 'One', owner: 'owner' },
          { name: 'Two', owner: 'owner' },
          { name: 'Three', owner: 'owner' },
        ],
      },
    });
    llm = await createLlmEmulator({ provider: 'openai' });
    database = await createTestDatabase();
    redis = createTestRedis();
    const healthPort = await freePort();
    const config = loadConfig({
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        DISCORD_BOT_TOKEN: discord.botToken,
        DISCORD_API_BASE_URL: discord.restUrl,
        OPENAI_API_KEY: llm.apiKey,
        OPENAI_BASE_URL: llm.baseURL,
        HEALTH_HOST: '127.0.0.1',
        HEALTH_PORT: String(healthPort),
        SHARD_COUNT: '2',
      },
      envFiles: false,
    });
    services = await createServices({
      service: 'bot',
      config,
      logger: createLogger({ service: 'metrics-test', level: 'silent' }),
      kvPrefix: redis.prefix,
      discover: false,
      extensions: [llmExtension({ providers: { openai: { defaultModel: 'gpt-4.1' } } })],
    });
    class AskCog extends Cog {
      static override meta = { name: 'ask' };
      override commands = [
        slashCommand({
          data: { name: 'ask', description: 'Asks the model' },
          run: async (interaction) => {
            const answer = await services.llm!.complete({ prompt: 'hello', guildId: interaction.guildId ?? undefined, cogName: 'ask' });
            await interaction.reply(answer.text.slice(0, 100));
          },
        }),
        slashCommand({
          data: { name: 'broken', description: 'Always throws' },
          run: () => {
            throw new Error('broken on purpose');
          },
        }),
      ];
    }
    bot = await createBot({ services, handleSignals: false, cogs: [AskCog], clientOptions: discord.clientOptions() });
    botMetricsUrl = `http://127.0.0.1:${healthPort}/metrics`;
    api = await createApi({ services, rateLimits: { anonymous: { max: 3, windowMs: 60_000 } }, http: { logRequests: false } });
    await api.listen({ host: '127.0.0.1', port: 0 });
    apiUrl = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await api?.close();
    await bot?.close();
    await services?.close().catch(() => {});
    await discord?.close();
    await llm?.close();
    await database?.drop();
    await redis?.cleanup();
  });

  const ids = () => {
    const guild = [...discord.state.guilds.values()].find((candidate) => candidate.name === 'One')!;
    const owner = [...discord.state.users.values()].find((candidate) => candidate.username === 'owner')!;
    return { guildId: guild.id, userId: owner.id };
  };

  it('GIVEN a running bot THEN /metrics lists guilds, shards with their status and latency, and gateway events', async () => {
    const families = await scrape(botMetricsUrl);
    expect(valueOf(families, 'baseline_bot_guilds')).toBe(3);
    expect(valueOf(families, 'baseline_bot_shards')).toBe(2);
    expect(
      families
        .get('baseline_bot_shard_status')
        ?.metrics.map((sample) => [sample.labels.shard, sample.labels.status])
        .sort(),
    ).toEqual([
      ['0', 'ready'],
      ['1', 'ready'],
    ]);
    expect(valueOf(families, 'baseline_bot_gateway_events_total', { event: 'GUILD_CREATE' })).toBe(3);
    expect(valueOf(families, 'baseline_bot_gateway_events_total', { event: 'READY' })).toBe(2);
    // The startup sync created the commands.
    expect(valueOf(families, 'baseline_bot_command_syncs_total', { result: 'applied' })).toBe(1);
    expect(valueOf(families, 'baseline_bot_command_sync_writes_total')).toBeGreaterThanOrEqual(3);
    expect(families.has('process_cpu_user_seconds_total')).toBe(true);
  });

  it('WHEN commands run and one calls the LLM THEN interaction counters, the latency histogram and the LLM counters move', async () => {
    const before = await scrape(botMetricsUrl);
    const { guildId, userId } = ids();
    const answer = await discord.invokeSlashCommand({ guildId, userId, name: 'ask' }).reply();
    expect(answer.content.length).toBeGreaterThan(0);
    await discord.invokeSlashCommand({ guildId, userId, name: 'ask' }).reply();
    const failed = await discord.invokeSlashCommand({ guildId, userId, name: 'broken' }).reply();
    expect(failed.content).toContain('Something went wrong');

    const after = await scrape(botMetricsUrl);
    const delta = (family: Map<string, Family>, name: string, labels: Record<string, string> = {}) => valueOf(family, name, labels);
    expect(
      delta(after, 'baseline_bot_interactions_total', { command: 'ask', outcome: 'ok' }) -
        delta(before, 'baseline_bot_interactions_total', { command: 'ask', outcome: 'ok' }),
    ).toBe(2);
    expect(delta(after, 'baseline_bot_interactions_total', { command: 'broken', outcome: 'error' })).toBe(1);
    expect(delta(after, 'baseline_bot_interaction_duration_seconds_count', { command: 'ask' })).toBe(2);
    expect(delta(after, 'baseline_bot_interaction_duration_seconds_count', { command: 'broken' })).toBe(1);
    expect(after.get('baseline_bot_interaction_duration_seconds')?.type).toBe('HISTOGRAM');

    const model = { provider: 'openai', model: 'gpt-4.1' };
    expect(
      delta(after, 'baseline_llm_requests_total', { ...model, status: 'ok' }) - delta(before, 'baseline_llm_requests_total', { ...model, status: 'ok' }),
    ).toBe(2);
    expect(delta(after, 'baseline_llm_tokens_total', { ...model, kind: 'prompt' })).toBeGreaterThan(0);
    expect(delta(after, 'baseline_llm_tokens_total', { ...model, kind: 'completion' })).toBeGreaterThan(0);
    expect(delta(after, 'baseline_llm_cost_usd_total', model)).toBeGreaterThan(0);
    // The usage rows are still buffered or already written; the gauge reads the recorder either way.
    expect(after.has('baseline_llm_usage_buffer_rows')).toBe(true);
    await services.llm!.flush();
    expect(valueOf(await scrape(botMetricsUrl), 'baseline_llm_usage_buffer_rows')).toBe(0);
  });

  it('WHEN the API answers requests THEN requests by route and status, the latency histogram, settings writes and rate-limit refusals move', async () => {
    const { guildId } = ids();
    const statuses: number[] = [];
    const settings = await fetch(`${apiUrl}/api/v1/guilds/${guildId}/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    statuses.push(settings.status);
    for (let index = 0; index < 4; index++) statuses.push((await fetch(`${apiUrl}/api/v1/guilds`)).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);

    const families = await scrape(`${apiUrl}/metrics`);
    const route = '/api/v1/guilds';
    const answered = statuses.slice(1);
    for (const status of new Set(answered)) {
      expect(valueOf(families, 'baseline_api_requests_total', { method: 'GET', route, status: String(status) })).toBe(
        answered.filter((s) => s === status).length,
      );
    }
    expect(valueOf(families, 'baseline_api_request_duration_seconds_count', { method: 'GET', route })).toBe(4);
    expect(valueOf(families, 'baseline_api_rate_limit_refusals_total', { route })).toBe(answered.filter((status) => status === 429).length);
    expect(valueOf(families, 'baseline_api_settings_writes_total', { outcome: settings.status < 300 ? 'written' : 'refused' })).toBe(1);
    // Paths without a route share one label value.
    const stray = `/no/such/path/${Math.random()}`;
    await fetch(`${apiUrl}${stray}`);
    const later = await scrape(`${apiUrl}/metrics`);
    expect(valueOf(later, 'baseline_api_requests_total', { route: 'unmatched' })).toBe(1);
    expect(later.get('baseline_api_requests_total')!.metrics.some((sample) => sample.labels.route === stray)).toBe(false);
  });

  it('GIVEN the Grafana dashboard THEN every query names metrics the bot or the API exposes', async () => {
    const names = new Set<string>();
    for (const families of [await scrape(botMetricsUrl), await scrape(`${apiUrl}/metrics`)]) {
      for (const family of families.values()) {
        names.add(family.name);
        if (family.type === 'HISTOGRAM') for (const suffix of ['_bucket', '_sum', '_count']) names.add(family.name + suffix);
      }
    }
    const queries = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
    expect(queries.length).toBeGreaterThanOrEqual(8);
    for (const { panel, expr } of queries) {
      const used = [...expr.matchAll(/\b(baseline_[a-z0-9_]+|process_[a-z0-9_]+|nodejs_[a-z0-9_]+)\b/g)].map((match) => match[1]!);
      expect(used.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      for (const name of used) expect(names.has(name), `${panel} uses ${name}`).toBe(true);
    }
  });

  it('GIVEN metrics off THEN neither the API nor the bot serves /metrics', async () => {
    const quiet = await createApi({ services, metrics: false, http: { logRequests: false } });
    try {
      expect((await quiet.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await quiet.close();
    }
  });
});
