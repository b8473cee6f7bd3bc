import { describe, expect, it } from 'vitest';
import { createMemoryKeyValue, healthStatus, pingDependencies } from '../../src/index.js';
import { createCaptureLogger } from '../../src/testing/index.js';

const { logger } = createCaptureLogger();

const answering = { ping: async () => 1.234 };
const hanging = { ping: () => new Promise<number>(() => undefined) };
const refusing = { ping: async (): Promise<number> => Promise.reject(new Error('connect ECONNREFUSED postgres://admin@db.internal:5432')) };

describe('pingDependencies', () => {
  it('GIVEN both dependencies answering THEN each is ok with its round trip in latency_ms AND the status is ok', async () => {
    const kv = createMemoryKeyValue({ logger });
    const report = await pingDependencies({ db: answering, kv }, { timeoutMs: 1000 });
    expect(report.database).toEqual({ ok: true, latency_ms: 1.23 });
    expect(report.redis).toMatchObject({ ok: true, kind: 'memory' });
    expect(report.redis.latency_ms).toBeGreaterThanOrEqual(0);
    expect(healthStatus([report.database, report.redis])).toBe('ok');
    await kv.close();
  });

  it('GIVEN a database that never answers THEN it is down with the timeout named AND the status is degraded', async () => {
    const kv = createMemoryKeyValue({ logger });
    const report = await pingDependencies({ db: hanging, kv }, { timeoutMs: 50 });
    expect(report.database).toEqual({ ok: false, latency_ms: null, error: 'no answer within 50 ms' });
    expect(report.redis.ok).toBe(true);
    expect(healthStatus([report.database, report.redis])).toBe('degraded');
    await kv.close();
  });

  it('GIVEN a refused connection THEN the error says unreachable without the driver message (host or user names)', async () => {
    const kv = createMemoryKeyValue({ logger });
    const report = await pingDependencies({ db: refusing, kv });
    expect(report.database).toEqual({ ok: false, latency_ms: null, error: 'unreachable' });
    expect(JSON.stringify(report)).not.toContain('admin');
    await kv.close();
  });
});
