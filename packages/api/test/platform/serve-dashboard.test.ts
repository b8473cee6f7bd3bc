import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/index.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('createApi({ dashboard }) serves the built dashboard', () => {
  let stack: ApiStack;
  const root = mkdtempSync(join(tmpdir(), 'bl-dashboard-'));
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    stack = await createApiStack({ api: { dashboard: { root } } });
  });
  afterAll(() => stack?.close());

  it('GIVEN an HTML navigation to a client-side route THEN index.html, uncached, with the dashboard CSP', async () => {
    const response = await stack.api.inject({ method: 'GET', url: '/guilds/123/settings', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
  });

  it('GIVEN a hashed asset THEN it is served with a year of caching', async () => {
    const response = await stack.api.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('GIVEN an unknown API path, even asking for HTML THEN the JSON 404 of the API', async () => {
    const response = await stack.api.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('BL_ERR_API_NOT_FOUND');
  });

  it('GIVEN a folder without index.html THEN createApi fails with BL_ERR_CONFIG_INVALID naming the fix', async () => {
    await expect(createApi({ services: stack.services[0]!, dashboard: { root: join(root, 'assets') } })).rejects.toMatchObject({
      code: 'BL_ERR_CONFIG_INVALID',
    });
  });
});
