import { createLogger, createMemoryKeyValue } from '@baseline/core';
import Fastify, { type FastifyRequest } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import { createSessionHints } from '../../src/auth/session-hints.js';
import { createSessionStore, type SessionData } from '../../src/auth/session-store.js';
import type { GateResult } from '../../src/http/request-gate.js';
import { authenticate, requireCaller } from '../../src/http/pipeline/authenticate.js';

const kv = createMemoryKeyValue({ logger: createLogger({ service: 'test', level: 'silent' }) });
const sessions = createSessionStore(kv, 60_000);
// Real requests for `callerOf`, which logs through them.
const app = Fastify();
let lastRequest: FastifyRequest | undefined;
app.get('/', async (request) => {
  lastRequest = request;
  return {};
});
async function request(): Promise<FastifyRequest> {
  await app.inject({ url: '/' });
  return lastRequest!;
}
afterAll(async () => {
  await app.close();
  await kv.close();
});

function setup() {
  const sessionHints = createSessionHints();
  const readFor: string[] = [];
  // The caller a live session names, as `ApiContext.callerOf` builds it (its developer re-check is tested elsewhere).
  const callerOf = async (_request: FastifyRequest, sessionId: string, session: SessionData, accessVersion: string): Promise<Caller> => {
    readFor.push(sessionId);
    return { userId: session.user.id, sessionId, session, isDeveloper: session.developer, accessVersion };
  };
  return { api: { sessions, sessionHints, callerOf }, readFor };
}

async function signedIn(userId: string) {
  const { id, data } = await sessions.create({
    user: { id: userId, username: userId, globalName: null, avatar: null },
    tokens: '',
    developer: false,
    developerCheckedAt: Date.now(),
  });
  return { cookie: id, sessionKey: sessions.keyOfCookie(id)!, data };
}

const gateWith = (session: SessionData | undefined, exceeded?: boolean): GateResult => ({
  session,
  counted: [],
  limit: exceeded === undefined ? undefined : { limit: 1, remaining: 0, resetSeconds: 1, exceeded },
  guildCounted: false,
  accessVersion: '',
  userAccessVersion: 'u7',
});

describe('authenticate', () => {
  it("GIVEN a live session THEN its caller is returned with the user's access version AND a hint is remembered", async () => {
    const { api } = setup();
    const session = await signedIn('alice');
    const caller = await authenticate(api, await request(), {
      cookie: session.cookie,
      sessionKey: session.sessionKey,
      gate: gateWith(session.data),
      hint: undefined,
    });
    expect(caller).toMatchObject({ userId: 'alice', accessVersion: 'u7' });
    expect(api.sessionHints.get(session.sessionKey)).toEqual({ userId: 'alice', developer: false });
  });

  it('GIVEN no cookie or an ended session THEN there is no caller AND a stale hint is forgotten', async () => {
    const { api, readFor } = setup();
    const session = await signedIn('bob');
    api.sessionHints.remember(session.sessionKey, { userId: 'bob', developer: false });
    const ended = { ...session.data, expiresAt: Date.now() - 1 };
    const hint = api.sessionHints.get(session.sessionKey);
    expect(await authenticate(api, await request(), { cookie: session.cookie, sessionKey: session.sessionKey, gate: gateWith(ended), hint })).toBeUndefined();
    expect(await authenticate(api, await request(), { cookie: undefined, sessionKey: undefined, gate: gateWith(undefined), hint: undefined })).toBeUndefined();
    expect(api.sessionHints.get(session.sessionKey)).toBeUndefined();
    expect(readFor).toEqual([]);
  });

  it('GIVEN a live session over its rate limit THEN the caller is returned AND no hint is left to start work early', async () => {
    const { api } = setup();
    const session = await signedIn('carol');
    api.sessionHints.remember(session.sessionKey, { userId: 'carol', developer: false });
    const hint = api.sessionHints.get(session.sessionKey);
    const caller = await authenticate(api, await request(), {
      cookie: session.cookie,
      sessionKey: session.sessionKey,
      gate: gateWith(session.data, true),
      hint,
    });
    expect(caller?.userId).toBe('carol');
    expect(api.sessionHints.get(session.sessionKey)).toBeUndefined();
  });
});

describe('requireCaller', () => {
  it('GIVEN no caller THEN 401 BL_ERR_API_UNAUTHENTICATED; GIVEN one THEN it is returned', async () => {
    expect(() => requireCaller(undefined)).toThrow(expect.objectContaining({ code: 'BL_ERR_API_UNAUTHENTICATED', status: 401 }));
    const { api } = setup();
    const session = await signedIn('dave');
    const caller = await api.callerOf(await request(), session.cookie, session.data, '');
    expect(requireCaller(caller)).toBe(caller);
  });
});
