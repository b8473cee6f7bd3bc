import { loadConfig } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer, type Bot } from '../../src/index.js';
import { createBotHarness, type BotHarness } from '../runtime/support/bot-harness.js';

// The health server of a running bot, over real HTTP: /health and /metrics, their methods, and what an
// orchestrator or Prometheus reads when something fails.
describe('health server endpoints of a running bot', () => {
  let harness: BotHarness;
  let bot: Bot;
  let url: string;
  beforeAll(async () => {
    harness = await createBotHarness();
    bot = await harness.start({
      config: loadConfig({ env: { ...harness.env, HEALTH_HOST: '127.0.0.1', HEALTH_PORT: '0' }, envFiles: false }),
      healthServer: true,
      metrics: true,
    });
    const listening = harness.logs.find((line) => line.msg === 'health server listening');
    expect(listening).toMatchObject({ host: '127.0.0.1', port: expect.any(Number) });
    url = `http://127.0.0.1:${listening!['port'] as number}`;
  });
  afterAll(() => harness.close());

  it('GIVEN HEALTH_HOST and HEALTH_PORT THEN /health answers there, with or without a query string, and HEAD works too', async () => {
    const response = await fetch(`${url}/health?verbose=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ status: 'ok', bot: { ready: true, guilds: 1 } });
    expect((await fetch(`${url}/health`, { method: 'HEAD' })).status).toBe(200);
  });

  it('GIVEN a method other than GET or HEAD THEN /health and /metrics answer 405', async () => {
    for (const path of ['/health', '/metrics']) {
      const response = await fetch(`${url}${path}`, { method: 'POST' });
      expect(response.status).toBe(405);
      expect(await response.json()).toEqual({ error: 'use GET' });
    }
  });

  it('GIVEN metrics on THEN /metrics serves the Prometheus text of this bot', async () => {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('baseline_bot_guilds 1');
  });

  it('GIVEN the bot closes THEN the health server stops listening', async () => {
    await bot.close();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});

describe('a health server started on its own', () => {
  let harness: BotHarness;
  let bot: Bot;
  beforeAll(async () => {
    harness = await createBotHarness();
    bot = await harness.start();
  });
  afterAll(() => harness.close());

  it('GIVEN no metrics THEN /metrics is 404 like any other path', async () => {
    const health = await startHealthServer(bot.client, bot.services, { host: '127.0.0.1', port: 0 });
    try {
      const response = await fetch(`${health.url}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not found' });
    } finally {
      await health.close();
    }
  });

  it('GIVEN metrics whose collection fails THEN /metrics answers 500 and /health still answers', async () => {
    const failing = { contentType: 'text/plain', text: () => Promise.reject(new Error('collector crashed')) };
    const health = await startHealthServer(bot.client, bot.services, { host: '127.0.0.1', port: 0, metrics: failing });
    try {
      const response = await fetch(`${health.url}/metrics`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'metrics collection failed' });
      expect((await fetch(`${health.url}/health`)).status).toBe(200);
    } finally {
      await health.close();
    }
  });

  it('GIVEN an IPv6 host THEN the url puts it in brackets; GIVEN every interface THEN the url names 127.0.0.1', async () => {
    const ipv6 = await startHealthServer(bot.client, bot.services, { host: '::1', port: 0 });
    try {
      expect(ipv6.url).toBe(`http://[::1]:${ipv6.port}`);
      expect((await fetch(`${ipv6.url}/health`)).status).toBe(200);
    } finally {
      await ipv6.close();
    }
    const everywhere = await startHealthServer(bot.client, bot.services, { host: '::', port: 0 });
    try {
      expect(everywhere.url).toBe(`http://127.0.0.1:${everywhere.port}`);
    } finally {
      await everywhere.close();
    }
  });
});
