import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors/api-error.js';
import type { RouteMethod } from '../../src/http/define-route.js';
import { checkCsrf, checkOrigin, CSRF_HEADER } from '../../src/http/pipeline/check-writes.js';
import { testCaller } from '../support/test-caller.js';

const TOKEN = 'a'.repeat(43);
const caller = testCaller('1', { csrfToken: TOKEN });

// A real Fastify app, so the checks read headers, protocol and host exactly as the pipeline's requests carry them.
const app = Fastify();
app.all('/check/:method', async (request) => {
  const method = (request.params as { method: RouteMethod }).method;
  const outcome = (step: () => void) => {
    try {
      step();
      return 'passed';
    } catch (error) {
      return error instanceof ApiError ? `${error.status} ${error.code}` : 'crashed';
    }
  };
  return { origin: outcome(() => checkOrigin(request, method, ['http://127.0.0.1:5173'])), csrf: outcome(() => checkCsrf(request, method, caller)) };
});
beforeAll(() => app.ready());
afterAll(() => app.close());

async function check(method: RouteMethod, headers: Record<string, string>) {
  return (await app.inject({ method: 'GET', url: `/check/${method}`, headers: { host: 'api.test', ...headers } })).json() as { origin: string; csrf: string };
}

describe('checkOrigin and checkCsrf', () => {
  it('GIVEN a read from any origin without a token THEN both pass', async () => {
    expect(await check('GET', { origin: 'https://evil.test' })).toEqual({ origin: 'passed', csrf: 'passed' });
  });

  it('GIVEN a write from an untrusted origin THEN 403 BL_ERR_API_ORIGIN', async () => {
    for (const origin of ['https://evil.test', 'null']) expect((await check('POST', { origin })).origin).toBe('403 BL_ERR_API_ORIGIN');
  });

  it("GIVEN a write from a configured origin, the API's own origin or no Origin THEN the origin check passes", async () => {
    for (const headers of [{ origin: 'http://127.0.0.1:5173' }, { origin: 'http://api.test' }, {}] as Array<Record<string, string>>)
      expect((await check('PUT', headers)).origin).toBe('passed');
  });

  it("GIVEN a write without the session's CSRF token THEN 403 BL_ERR_API_CSRF; with it THEN it passes", async () => {
    expect((await check('DELETE', {})).csrf).toBe('403 BL_ERR_API_CSRF');
    expect((await check('PATCH', { [CSRF_HEADER]: 'b'.repeat(43) })).csrf).toBe('403 BL_ERR_API_CSRF');
    expect((await check('POST', { [CSRF_HEADER]: TOKEN })).csrf).toBe('passed');
  });
});
