import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('per-guild toggles through the API', () => {
  let stack: ApiStack;
  let owner: ApiClient;
  let path: string;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2 });
    owner = await stack.login('owner');
    path = `/api/v1/guilds/${stack.guilds.alpha}/toggles`;
  });
  afterAll(() => stack?.close());

  const greeter = (body: { plugins: { plugin_id: string }[] }) => body.plugins.find((plugin) => plugin.plugin_id === 'greeter');

  it('GIVEN a plugin disabled by an authorized user THEN every instance reports it disabled AND the audit log names who did it', async () => {
    expect(greeter((await owner.get(path)).body)).toMatchObject({ enabled: true, default: true, overridden: false });
    const response = await owner.request('PUT', path, { body: { plugin_id: 'greeter', enabled: false } });
    expect(response.status).toBe(200);
    expect(greeter(response.body)).toMatchObject({ enabled: false, overridden: true });
    const other = await stack.login('alice', 1);
    expect(greeter((await other.get(path)).body)).toMatchObject({ enabled: false, overridden: true });
    const audit = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`);
    expect(audit.body.entries[0]).toMatchObject({
      action: 'toggles.update',
      actor_user_id: stack.userIds.owner,
      target: 'greeter',
      before: null,
      after: false,
    });
  });

  it('GIVEN an unknown plugin or command THEN 422 names the field and nothing is stored', async () => {
    const before = (await owner.get(path)).body;
    const plugin = await owner.request('PUT', path, { body: { plugin_id: 'nope', enabled: false } });
    expect(plugin.status).toBe(422);
    expect(plugin.body.error).toMatchObject({ code: 'BL_ERR_TOGGLES_UNKNOWN_PLUGIN', fields: [{ path: 'plugin_id' }] });
    const command = await owner.request('PUT', path, { body: { plugin_id: 'greeter', command: 'nope', enabled: false } });
    expect(command.status).toBe(422);
    expect(command.body.error.code).toBe('BL_ERR_TOGGLES_UNKNOWN_COMMAND');
    const bad = await owner.request('PUT', path, { body: { plugin_id: 'greeter', enabled: 'off' } });
    expect(bad.status).toBe(422);
    expect((await owner.get(path)).body).toEqual(before);
  });
});
