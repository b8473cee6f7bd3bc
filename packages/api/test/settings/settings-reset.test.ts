import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('clearing and resetting settings through the API', () => {
  let stack: ApiStack;
  let owner: ApiClient;
  let path: string;

  beforeAll(async () => {
    stack = await createApiStack();
    owner = await stack.login('owner');
    path = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
  });
  afterAll(() => stack?.close());

  it('GIVEN a field sent as null in PUT THEN it returns to its default (regression: null was a 422)', async () => {
    await owner.request('PUT', path, { body: { greeter: { greeting: 'Ahoy', maxPerDay: 5 } } });
    const response = await owner.request('PUT', path, { body: { greeter: { greeting: null } } });
    expect(response.status).toBe(200);
    expect(response.body.settings.greeter).toEqual({ greeting: 'Hello', maxPerDay: 5 });
  });

  it('GIVEN POST …/reset with fields THEN those fields return to their defaults, audited like any change', async () => {
    await owner.request('PUT', path, { body: { greeter: { greeting: 'Ahoy', maxPerDay: 5 } } });
    const response = await owner.request('POST', `${path}/greeter/reset`, { body: { fields: ['maxPerDay'] } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ namespace: 'greeter', value: { greeting: 'Ahoy', maxPerDay: 3 } });
    const log = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log?action=settings.update`);
    expect(log.body.entries[0]).toMatchObject({
      actor_user_id: stack.userIds.owner,
      target: 'greeter',
      before: { greeting: 'Ahoy', maxPerDay: 5 },
      after: { greeting: 'Ahoy', maxPerDay: 3 },
    });
  });

  it('GIVEN POST …/reset without fields THEN the whole namespace returns to its defaults', async () => {
    const response = await owner.request('POST', `${path}/greeter/reset`, { body: {} });
    expect(response.body.value).toEqual({ greeting: 'Hello', maxPerDay: 3 });
  });

  it('GIVEN an unknown field or namespace THEN 422 or 404 and nothing is stored', async () => {
    await owner.request('PUT', path, { body: { greeter: { greeting: 'Ahoy' } } });
    const unknown = await owner.request('POST', `${path}/greeter/reset`, { body: { fields: ['nope'] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'BL_ERR_SETTINGS_INVALID', fields: [{ path: 'greeter.nope' }] });
    expect((await owner.request('POST', `${path}/absent/reset`, { body: {} })).status).toBe(404);
    expect((await owner.get(`${path}/greeter`)).body.value.greeting).toBe('Ahoy');
  });
});
