import { SETTINGS_CHANGED_CHANNEL } from '@baseline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('guild settings through the API', () => {
  let stack: ApiStack;
  let owner: ApiClient;
  let path: string;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2 });
    owner = await stack.login('owner');
    path = `/api/v1/guilds/${stack.guilds.alpha}/settings`;
  });
  afterAll(() => stack?.close());

  it('GIVEN nothing stored THEN every namespace comes back with its defaults', async () => {
    const response = await owner.get(path);
    expect(response.status).toBe(200);
    expect(response.body.settings).toEqual({ baseline: {}, greeter: { greeting: 'Hello', maxPerDay: 3 }, moderation: { maxWarnings: 3, enabled: false } });
    expect((await owner.get(`${path}/moderation`)).body).toEqual({ namespace: 'moderation', value: { maxWarnings: 3, enabled: false } });
    expect((await owner.get(`${path}/nope`)).status).toBe(404);
  });

  it('GIVEN a change made by another process THEN a PUT here merges over it once announced', async () => {
    await stack.services[1]!.settings.set(stack.guilds.alpha, 'moderation', { maxWarnings: 7 });
    await expect.poll(() => stack.services[0]!.settings.get(stack.guilds.alpha, 'moderation')).toEqual({ maxWarnings: 7, enabled: false });
    const response = await owner.request('PUT', path, { body: { moderation: { enabled: true } } });
    expect(response.status).toBe(200);
    expect(response.body.settings.moderation).toEqual({ maxWarnings: 7, enabled: true });
    const [row] = await stack.db
      .fork()
      .getConnection()
      .execute(`select setting_value from guild_settings where guild_id = ? and setting_key = 'moderation'`, [stack.guilds.alpha]);
    expect(row!.setting_value).toEqual({ maxWarnings: 7, enabled: true });
    await stack.services[1]!.settings.set(stack.guilds.alpha, 'moderation', { maxWarnings: 3, enabled: false }, { replace: true });
    await expect.poll(() => stack.services[0]!.settings.get(stack.guilds.alpha, 'moderation')).toEqual({ maxWarnings: 3, enabled: false });
  });

  it('GIVEN a valid change THEN it is stored, merged, audited AND announced to other processes', async () => {
    const heard: string[] = [];
    const unsubscribe = await stack.services[1]!.kv.subscribe(SETTINGS_CHANGED_CHANNEL, (message) => void heard.push(message));
    try {
      const response = await owner.request('PUT', path, { body: { greeter: { greeting: 'Welcome' }, moderation: { enabled: true } } });
      expect(response.status).toBe(200);
      expect(response.body.settings).toEqual({ baseline: {}, greeter: { greeting: 'Welcome', maxPerDay: 3 }, moderation: { maxWarnings: 3, enabled: true } });
      // The other instance's registry (what a bot runs) sees the new value.
      await expect.poll(() => stack.services[1]!.settings.get(stack.guilds.alpha, 'greeter')).toEqual({ greeting: 'Welcome', maxPerDay: 3 });
      await expect.poll(() => heard.length).toBeGreaterThanOrEqual(2);
      expect(heard.map((message) => JSON.parse(message).actorUserId)).toContain(stack.userIds.owner);
    } finally {
      await unsubscribe();
    }
    const log = await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log?action=settings.update`);
    const greeter = log.body.entries.find((entry: { target: string }) => entry.target === 'greeter');
    expect(greeter).toMatchObject({
      actor_user_id: stack.userIds.owner,
      before: { greeting: 'Hello', maxPerDay: 3 },
      after: { greeting: 'Welcome', maxPerDay: 3 },
    });
  });

  it('GIVEN one invalid field among several namespaces THEN 422 lists every bad path AND nothing at all is stored', async () => {
    const before = (await owner.get(path)).body.settings;
    const auditBefore = (await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`)).body.entries.length;
    const response = await owner.request('PUT', path, {
      body: { greeter: { greeting: 'Valid change' }, moderation: { maxWarnings: 99, enabled: 'yes' }, unknown: { x: 1 } },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('BL_ERR_SETTINGS_INVALID');
    expect(response.body.error.fields.map((field: { path: string }) => field.path).sort()).toEqual(['moderation.enabled', 'moderation.maxWarnings', 'unknown']);
    expect((await owner.get(path)).body.settings).toEqual(before);
    const rows = await stack.db
      .fork()
      .getConnection()
      .execute<{ setting_value: { greeting: string } }[]>(`select setting_value from guild_settings where guild_id = ? and setting_key = 'greeter'`, [
        stack.guilds.alpha,
      ]);
    expect(rows[0]?.setting_value.greeting).toBe('Welcome');
    expect((await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`)).body.entries.length).toBe(auditBefore);
  });

  it('GIVEN valid changes of two namespaces WHEN storing the second fails THEN nothing of the first is stored, audited or announced', async () => {
    const sql = stack.db.fork().getConnection();
    // The audit row of the second namespace is refused by the database, after the first namespace was handled.
    await sql.execute(`create function bl_test_refuse_audit() returns trigger language plpgsql as $$
      begin if new.target = 'moderation' then raise exception 'audit refused'; end if; return new; end $$`);
    await sql.execute('create trigger bl_test_refuse_audit before insert on audit_log for each row execute function bl_test_refuse_audit()');
    const before = (await owner.get(path)).body.settings;
    const auditBefore = (await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`)).body.entries.length;
    const heard: string[] = [];
    const unsubscribe = await stack.services[1]!.kv.subscribe(SETTINGS_CHANGED_CHANNEL, (message) => void heard.push(message));
    try {
      const response = await owner.request('PUT', path, { body: { greeter: { greeting: 'Half done' }, moderation: { maxWarnings: 4 } } });
      expect(response.status).toBe(500);
    } finally {
      await unsubscribe();
      await sql.execute('drop trigger bl_test_refuse_audit on audit_log');
      await sql.execute('drop function bl_test_refuse_audit()');
    }
    const rows = await sql.execute<{ setting_key: string; setting_value: Record<string, unknown> }[]>(
      `select setting_key, setting_value from guild_settings where guild_id = ? order by setting_key`,
      [stack.guilds.alpha],
    );
    expect(Object.fromEntries(rows.map((row) => [row.setting_key, row.setting_value]))).toEqual({ greeter: before.greeter, moderation: before.moderation });
    expect((await owner.get(path)).body.settings).toEqual(before);
    expect((await owner.get(`/api/v1/guilds/${stack.guilds.alpha}/audit-log`)).body.entries.length).toBe(auditBefore);
    expect(heard).toEqual([]);
  });

  it('GIVEN a body that is not an object of namespaces THEN 422 with field paths', async () => {
    const response = await owner.request('PUT', path, { body: { greeter: 'loud' } });
    expect(response.status).toBe(422);
    expect(response.body.error.fields[0].path).toBe('body.greeter');
  });

  it('GIVEN the settings schema route THEN it serves JSON Schema for every namespace', async () => {
    const schema = (await owner.get('/api/v1/settings/schema')).body;
    expect(schema.properties.greeter.properties.maxPerDay).toMatchObject({ type: 'integer', minimum: 0, maximum: 10 });
    expect(schema.properties.moderation.properties.enabled.type).toBe('boolean');
  });

  it('GIVEN a plugin route reading settings THEN it sees the change', async () => {
    expect((await owner.get(`/api/v1/plugins/greeter/guilds/${stack.guilds.alpha}/greeting`)).body).toEqual({ text: 'Welcome!' });
  });
});
