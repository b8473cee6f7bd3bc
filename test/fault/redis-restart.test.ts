import { createTestRedis } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiStack, type ApiStack } from '../../packages/api/test/support/api-stack.js';
import { createTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

// The API reaches the shared Redis through a proxy the test stops and starts: to the API, Redis went down and came
// back on the same address.
describe('Redis restarted under API traffic', () => {
  let proxy: TcpProxy;
  let stack: ApiStack;
  beforeAll(async () => {
    const direct = createTestRedis().url;
    proxy = await createTcpProxy({ target: { host: '127.0.0.1', port: Number(new URL(direct).port) } });
    stack = await createApiStack({ env: { REDIS_URL: proxy.rewrite(direct) } });
  });
  afterAll(async () => {
    await proxy?.start();
    await stack?.close();
    await proxy?.close();
  });

  it('GIVEN Redis down THEN signed-in reads, writes and anonymous calls answer 503 BL_ERR_API_UNAVAILABLE (never 500, never 2xx) AND after Redis returns the same session works again without a restart', async () => {
    const owner = await stack.login('owner');
    const settingsPath = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
    expect((await owner.get('/api/v1/auth/me')).status).toBe(200);

    await proxy.stop();
    const during = await Promise.all([
      owner.get('/api/v1/auth/me'),
      owner.get(settingsPath),
      owner.request('PUT', settingsPath, { body: { greeter: { greeting: 'while down' } } }),
      stack.client().get('/api/v1/auth/me'),
    ]);
    for (const response of during) {
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('BL_ERR_API_UNAVAILABLE');
      expect(response.headers['retry-after']).toBe('5');
      expect(response.headers['cache-control']).toContain('no-store');
    }
    // Health says which dependency is missing.
    const health = await stack.client().get('/api/v1/health');
    expect(health.status).toBe(503);
    expect(health.body.checks.redis.ok).toBe(false);

    await proxy.start();
    await expect.poll(async () => (await owner.get('/api/v1/auth/me')).status, { timeout: 30_000, interval: 250 }).toBe(200);
    const write = await owner.request('PUT', settingsPath, { body: { greeter: { greeting: 'after restart' } } });
    expect(write.status).toBe(200);
    expect((await owner.get(settingsPath)).body.settings.greeter.greeting).toBe('after restart');
    // Nothing was written while Redis was down: the refused PUT left no trace.
    const audit = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`);
    expect(JSON.stringify(audit.body)).not.toContain('while down');
  });

  it('GIVEN every Redis connection cut mid-traffic THEN requests answer 200 or 503, none 500, AND the API recovers by itself', async () => {
    const owner = await stack.login('alice');
    const statuses: number[] = [];
    const traffic = Array.from({ length: 20 }, async (_, index) => {
      if (index === 5) proxy.cutConnections();
      statuses.push((await owner.get('/api/v1/auth/me')).status);
    });
    await Promise.all(traffic);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    await expect.poll(async () => (await owner.get('/api/v1/auth/me')).status, { timeout: 30_000, interval: 250 }).toBe(200);
  });

  it('GIVEN Redis answering slowly THEN requests still complete correctly (slow, not failed)', async () => {
    const owner = await stack.login('bob');
    proxy.delayReplies(300);
    try {
      const me = await owner.get('/api/v1/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user.id).toBe(stack.userIds.bob);
    } finally {
      proxy.delayReplies(0);
    }
  });
});
