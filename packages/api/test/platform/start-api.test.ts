import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../src/index.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('startApi', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack();
  });
  afterAll(() => stack?.close());

  it('GIVEN services THEN it listens on the given port, serves, and close() stops it but leaves the services open', async () => {
    const running = await startApi({ services: stack.services[0]!, host: '127.0.0.1', port: 0 });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
    await running.close();
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();
    expect(await stack.services[0]!.kv.ping()).toBeGreaterThanOrEqual(0);
  });
});
