import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../src/index.js';
import { testEmulator } from './fixtures.js';

describe('Discord emulator application command registry', () => {
  let emulator: DiscordEmulator;
  let base: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    emulator = await testEmulator();
    base = `${emulator.restUrl}/v10/applications/${emulator.applicationId}/commands`;
    headers = { authorization: `Bot ${emulator.botToken}`, 'content-type': 'application/json' };
  });

  afterAll(async () => {
    await emulator.close();
  });

  const sapphireBody = {
    name: 'echo',
    description: 'Repeat text',
    type: 1,
    options: [{ type: 3, name: 'text', description: 'Text to repeat', required: false }],
    default_member_permissions: null,
    dm_permission: true,
  };

  it('GIVEN a new command THEN POST answers 201 AND GET echoes the body with only id, application_id and version added', async () => {
    const created = await fetch(base, { method: 'POST', headers, body: JSON.stringify(sapphireBody) });
    expect(created.status).toBe(201);
    const listed = (await (await fetch(`${base}?with_localizations=true`, { headers })).json()) as Record<string, unknown>[];
    expect(listed).toHaveLength(1);
    const { id, application_id, version, ...rest } = listed[0]!;
    expect(rest).toEqual(sapphireBody);
    expect(application_id).toBe(emulator.applicationId);
    expect(typeof id).toBe('string');
    expect(typeof version).toBe('string');
  });

  it('GIVEN the same name again THEN POST overwrites with 200 and keeps the id', async () => {
    const [before] = emulator.commands();
    const again = await fetch(base, { method: 'POST', headers, body: JSON.stringify({ ...sapphireBody, description: 'Changed' }) });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(before!.id);
    expect(emulator.commands()).toHaveLength(1);
  });

  it('GIVEN a bulk overwrite THEN surviving names keep their ids AND missing ones are deleted', async () => {
    const [echo] = emulator.commands();
    const put = await fetch(base, { method: 'PUT', headers, body: JSON.stringify([sapphireBody, { name: 'ping', description: 'Ping' }]) });
    const body = (await put.json()) as { id: string; name: string }[];
    expect(body.find((command) => command.name === 'echo')?.id).toBe(echo!.id);
    await fetch(base, { method: 'PUT', headers, body: JSON.stringify([{ name: 'ping', description: 'Ping' }]) });
    expect(emulator.commands().map((command) => command.body.name)).toEqual(['ping']);
  });

  it('GIVEN an invalid name THEN the answer is 400 with code 50035 and an errors tree', async () => {
    const response = await fetch(base, { method: 'POST', headers, body: JSON.stringify({ name: 'Bad Name', description: 'x' }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50035, errors: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } });
  });

  it('GIVEN a bulk overwrite with one bad command THEN 50035 names it by index AND the stored commands are unchanged', async () => {
    const before = emulator.commands().map((command) => command.id);
    const commands = [{ name: 'ping', description: 'Ping' }, { name: 'echo' }, { name: 'Inspect', type: 2 }];
    const response = await fetch(base, { method: 'PUT', headers, body: JSON.stringify(commands) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 50035,
      errors: { 1: { description: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } } },
    });
    expect(emulator.commands().map((command) => command.id)).toEqual(before);
  });
});

describe('redirectDiscordFetch', () => {
  it('GIVEN the redirect is installed THEN discord.com API URLs reach the emulator AND restore() undoes it', async () => {
    const { redirectDiscordFetch } = await import('../../src/index.js');
    const emulator = await testEmulator();
    const original = globalThis.fetch;
    const restore = redirectDiscordFetch(emulator.url);
    try {
      const response = await fetch('https://discord.com/api/v10/users/@me', { headers: { authorization: `Bot ${emulator.botToken}` } });
      expect(((await response.json()) as { id: string }).id).toBe(emulator.applicationId);
    } finally {
      restore();
      await emulator.close();
    }
    expect(globalThis.fetch).toBe(original);
  });
});
