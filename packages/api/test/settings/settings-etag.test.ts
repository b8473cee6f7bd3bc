import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('guild settings: ETag and If-Match', () => {
  let stack: ApiStack;
  let owner: ApiClient;
  let alice: ApiClient;
  let path: string;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2 });
    owner = await stack.login('owner');
    alice = await stack.login('alice', 1);
    path = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
  });
  afterAll(() => stack?.close());

  const etagOf = async (client: ApiClient) => {
    const response = await client.get(path);
    expect(response.status).toBe(200);
    return response.headers.etag as string;
  };
  const stored = async () =>
    Object.fromEntries(
      (
        await stack.db
          .fork()
          .getConnection()
          .execute<{ setting_key: string; setting_value: unknown }[]>('select setting_key, setting_value from guild_settings where guild_id = ?', [
            stack.guilds.alpha,
          ])
      ).map((row) => [row.setting_key, row.setting_value]),
    );

  it('GIVEN GET THEN a strong opaque ETag that changes with the stored settings only, the same on every instance', async () => {
    const first = await etagOf(owner);
    expect(first).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await etagOf(alice)).toBe(first);
    expect(await etagOf(owner)).toBe(first);
    // A write by another process (a bot), not through this API: the ETag follows what is stored.
    await stack.services[1]!.settings.set(stack.guilds.alpha, 'greeter', { maxPerDay: 5 });
    const second = await etagOf(owner);
    expect(second).not.toBe(first);
  });

  it('GIVEN If-Match with the current ETag THEN the change is stored AND the answer carries the new ETag', async () => {
    const etag = await etagOf(owner);
    const response = await owner.request('PUT', path, { body: { greeter: { greeting: 'Matched' } }, headers: { 'if-match': etag } });
    expect(response.status).toBe(200);
    expect(response.body.settings.greeter.greeting).toBe('Matched');
    expect(response.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(response.headers.etag).not.toBe(etag);
    expect(await etagOf(alice)).toBe(response.headers.etag);
  });

  it('GIVEN a stale If-Match THEN 412 BL_ERR_SETTINGS_CHANGED names who changed it and when AND nothing is stored or audited', async () => {
    const stale = await etagOf(owner);
    const changed = await alice.request('PUT', path, { body: { greeter: { greeting: 'By Alice' } }, headers: { 'if-match': stale } });
    expect(changed.status).toBe(200);
    const before = await stored();
    const audited = (await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`)).body.entries.length;

    const refused = await owner.request('PUT', path, { body: { greeter: { greeting: 'By owner' } }, headers: { 'if-match': stale } });
    expect(refused.status).toBe(412);
    expect(refused.body.error).toMatchObject({
      code: 'BL_ERR_SETTINGS_CHANGED',
      changed_by: { user_id: stack.userIds.alice, username: 'alice', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    expect(refused.body.error.message).toMatch(/changed by alice at .*Reload the settings/);
    expect(await stored()).toEqual(before);
    expect((await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`)).body.entries.length).toBe(audited);
    expect((await owner.get(path)).body.settings.greeter.greeting).toBe('By Alice');
  });

  it('GIVEN two concurrent PUTs with the same If-Match on two instances THEN exactly one wins', async () => {
    for (let round = 0; round < 3; round += 1) {
      const etag = await etagOf(owner);
      const [first, second] = await Promise.all([
        owner.request('PUT', path, { body: { greeter: { greeting: `Owner ${round}` } }, headers: { 'if-match': etag } }),
        alice.request('PUT', path, { body: { greeter: { greeting: `Alice ${round}` } }, headers: { 'if-match': etag } }),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([200, 412]);
      const winner = first.status === 200 ? `Owner ${round}` : `Alice ${round}`;
      expect(((await stored()).greeter as { greeting: string }).greeting).toBe(winner);
    }
  });

  it('GIVEN no If-Match, or If-Match: * THEN the change is stored as before, whatever changed meanwhile', async () => {
    await stack.services[1]!.settings.set(stack.guilds.alpha, 'moderation', { maxWarnings: 6 });
    const plain = await owner.request('PUT', path, { body: { moderation: { enabled: true } } });
    expect(plain.status).toBe(200);
    expect(plain.body.settings.moderation).toEqual({ maxWarnings: 6, enabled: true });
    expect(plain.headers.etag).toBe(await etagOf(owner));
    const any = await owner.request('PUT', path, { body: { moderation: { enabled: false } }, headers: { 'if-match': '*' } });
    expect(any.status).toBe(200);
  });

  it('GIVEN a list of tags holding the current one THEN it matches; weak or unknown tags do not, and a malformed header is a 400', async () => {
    const etag = await etagOf(owner);
    const listed = await owner.request('PUT', path, { body: { greeter: { maxPerDay: 2 } }, headers: { 'if-match': `"0000", ${etag}` } });
    expect(listed.status).toBe(200);
    const current = listed.headers.etag as string;
    const weak = await owner.request('PUT', path, { body: { greeter: { maxPerDay: 1 } }, headers: { 'if-match': `W/${current}` } });
    expect(weak.status).toBe(412);
    const malformed = await owner.request('PUT', path, { body: { greeter: { maxPerDay: 1 } }, headers: { 'if-match': current.slice(1, -1) } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'BL_ERR_API_INVALID_REQUEST', fields: [{ path: 'headers.if-match' }] });
    expect(malformed.body.error.message).toMatch(/If-Match must be the ETag/);
  });

  it('GIVEN a browser on an allowed origin THEN CORS lets it send If-Match AND read the ETag', async () => {
    const preflight = await stack.api.inject({
      method: 'OPTIONS',
      url: path,
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'if-match,x-csrf-token,content-type',
      },
    });
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('if-match');
    const get = await stack.api.inject({ method: 'GET', url: '/api/v1/health', headers: { origin: 'http://127.0.0.1:5173' } });
    expect(String(get.headers['access-control-expose-headers'])).toContain('etag');
  });

  it('GIVEN the OpenAPI document THEN it describes the ETag, If-Match and the 412', async () => {
    const document = (await owner.get('/api/v1/openapi.json')).body;
    const operations = document.paths['/api/v1/guilds/{guild_id}/settings'];
    expect(operations.get.responses['200'].headers.ETag.description).toMatch(/revision of the stored settings/);
    expect(operations.put.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header', required: false }));
    expect(operations.put.responses['412'].description).toMatch(/If-Match. no longer matches/);
    expect(operations.put.responses['412'].content['application/json'].schema).toMatchObject({ $ref: '#/components/schemas/SettingsChangedError' });
    expect(document.components.schemas.SettingsChangedError.properties.error.properties.changed_by).toBeDefined();
  });
});
