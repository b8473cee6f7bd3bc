import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionStore } from '../../src/auth/session-store.js';
import { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

// developerTeam.checkTtlMs 0: every request of a session is due for a developer-team check, so only the retry backoff
// after a failure, and the one-check-at-a-time rule, keep requests from asking Discord.
describe('developer-team re-check while Discord fails or is slow', () => {
  let stack: ApiStack;
  let memberPath: string;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2, api: { developerTeam: { checkTtlMs: 0, retryMs: 600_000 } } });
    memberPath = `/guilds/${stack.guilds.main}/members/${stack.userIds.dev}`;
  });
  afterAll(() => stack?.close());

  const memberCalls = () => stack.emulator.requests.filter((request) => request.path.endsWith(memberPath));
  const storedSession = async (client: ApiClient) => {
    const key = createSessionStore(stack.services[0]!.kv, 1).keyOf(client.jar.get('bl_session')!);
    return { key, data: JSON.parse((await stack.services[0]!.kv.get(key))!) as Record<string, unknown> };
  };

  it('GIVEN a failed check THEN the previous answer is kept AND later requests on every instance do not ask Discord again before the backoff', async () => {
    const dev = await stack.login('dev');
    stack.emulator.forceRateLimit(`GET ${memberPath}`, 1);
    const before = memberCalls().length;
    expect((await dev.get('/api/v1/shards')).status).toBe(200);
    expect(memberCalls().length).toBe(before + 1);
    expect(memberCalls().at(-1)?.status).toBe(429);

    const onOther = ApiClient.inject(stack.apis[1]!).withCookiesOf(dev);
    for (const client of [dev, onOther, dev]) expect((await client.get('/api/v1/auth/me')).body.is_developer).toBe(true);
    expect(memberCalls().length).toBe(before + 1);
    expect((await storedSession(dev)).data).toMatchObject({ developer: true, developerCheckFailures: 1, developerRetryAt: expect.any(Number) });
  });

  it('GIVEN the backoff has passed THEN Discord is asked again AND its answer replaces the kept one', async () => {
    const dev = await stack.login('dev');
    stack.emulator.forceRateLimit(`GET ${memberPath}`, 1);
    await dev.get('/api/v1/auth/me');
    const { key, data } = await storedSession(dev);
    await stack.services[0]!.kv.set(key, JSON.stringify({ ...data, developerRetryAt: Date.now() - 1 }), { ttlMs: 60_000 });
    const before = memberCalls().length;
    stack.emulator.removeMember(stack.guilds.main, 'dev');
    try {
      expect((await dev.get('/api/v1/auth/me')).body.is_developer).toBe(false);
      expect(memberCalls().length).toBe(before + 1);
      expect((await storedSession(dev)).data.developerRetryAt).toBeUndefined();
    } finally {
      stack.emulator.addMember(stack.guilds.main, { user: 'dev' });
    }
  });

  it('GIVEN a slow Discord THEN requests of the session arriving during a check use the cached answer instead of starting their own', async () => {
    const dev = await stack.login('dev');
    stack.emulator.addLatency(`GET ${memberPath}`, 500);
    const before = memberCalls().length;
    const answers = await Promise.all([1, 2, 3].map(() => dev.get('/api/v1/auth/me')));
    expect(answers.map((answer) => answer.body.is_developer)).toEqual([true, true, true]);
    expect(memberCalls().length).toBe(before + 1);
  });
});

describe('session updates during logout', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await createApiStack({ api: { developerTeam: { checkTtlMs: 0 } } });
  });
  afterAll(() => stack?.close());

  it('GIVEN a developer re-check in flight WHEN the session logs out meanwhile THEN the check does not bring the session back', async () => {
    const dev = await stack.login('dev');
    const sessionKey = createSessionStore(stack.services[0]!.kv, 1).keyOf(dev.jar.get('bl_session')!);
    const stale = ApiClient.inject(stack.api).withCookiesOf(dev);
    stack.emulator.addLatency(`GET /guilds/${stack.guilds.main}/members/${stack.userIds.dev}`, 1_000);
    const inFlight = stale.get('/api/v1/auth/me');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await dev.request('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await inFlight).status).toBe(200);
    expect(await stack.services[0]!.kv.get(sessionKey)).toBeUndefined();
    expect((await stale.get('/api/v1/auth/me')).status).toBe(401);
  });
});
