import { TESTING_ERROR_CODES } from '@baseline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, REDIRECT_URI, type ApiStack } from '../support/api-stack.js';

const SCOPE = 'applications.commands.permissions.update';

/** Registers guild commands in the emulator as the bot would, and reports them as the greeter plugin's. */
async function registerGreeterCommands(stack: ApiStack, names: string[]): Promise<Record<string, string>> {
  const { emulator } = stack;
  const ids: Record<string, string> = {};
  for (const name of names) {
    const response = await fetch(`${emulator.restUrl}/v10/applications/${emulator.applicationId}/guilds/${stack.guilds.alpha}/commands`, {
      method: 'POST',
      headers: { authorization: `Bot ${emulator.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, description: name }),
    });
    ids[name] = ((await response.json()) as { id: string }).id;
  }
  await stack.services[0]!.toggles.reportCommands('greeter', names);
  return ids;
}

/** What a guild admin does in Discord's own settings: sets a command's overwrites with their own bearer token. */
async function setByHand(stack: ApiStack, commandId: string, permissions: unknown[]): Promise<void> {
  const { emulator } = stack;
  const query = new URLSearchParams({
    client_id: emulator.applicationId,
    response_type: 'code',
    scope: `identify ${SCOPE}`,
    redirect_uri: REDIRECT_URI,
    user_id: stack.userIds.owner,
  });
  const code = new URL((await fetch(`${emulator.url}/oauth2/authorize?${query}`, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!;
  const token = await fetch(`${emulator.restUrl}/v10/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: emulator.applicationId,
      client_secret: emulator.clientSecret,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
    }),
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const response = await fetch(
    `${emulator.restUrl}/v10/applications/${emulator.applicationId}/guilds/${stack.guilds.alpha}/commands/${commandId}/permissions`,
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ permissions }),
    },
  );
  expect(response.status).toBe(200);
}

describe('toggles hide disabled commands through Discord command permissions', () => {
  let stack: ApiStack;
  let owner: ApiClient;
  let ids: Record<string, string>;
  let path: string;

  beforeAll(async () => {
    stack = await createApiStack();
    ids = await registerGreeterCommands(stack, ['hello', 'bye']);
    owner = await stack.login('owner');
    path = `/api/v1/guilds/${stack.guilds.alpha}/toggles`;
  });
  afterAll(() => stack?.close());

  const overwritesOf = (name: string) => stack.emulator.commandPermissions(stack.guilds.alpha).find((entry) => entry.id === ids[name])?.permissions ?? [];
  const invoke = (userId: string, name: string) => () => stack.emulator.invokeSlashCommand({ guildId: stack.guilds.alpha, userId, name });
  const notPermitted = expect.objectContaining({ code: TESTING_ERROR_CODES.emulator.commandNotPermitted });

  it('GIVEN the owner signed in granting command permissions THEN the grant is stored sealed: the raw row holds neither token', async () => {
    const [row] = await stack.db
      .fork()
      .execute<{ user_id: string; sealed_tokens: string; scopes: string }[]>('select "user_id"::text, "sealed_tokens", "scopes" from "user_oauth_grants"');
    expect(row).toMatchObject({ user_id: stack.userIds.owner });
    expect(row!.scopes.split(' ')).toContain(SCOPE);
    const tokens = (await stack.secretsSeen()).filter((secret) => secret.kind.startsWith('discord'));
    expect(tokens.map((secret) => secret.kind).sort()).toEqual(['discord access token', 'discord refresh token']);
    for (const token of tokens) expect(JSON.stringify(row)).not.toContain(token.value);
    expect(row!.sealed_tokens).toMatch(/^v1\./);
  });

  it('GIVEN a command toggled off THEN Discord gets an @everyone deny, a member can no longer invoke it AND the owner still can', async () => {
    expect(invoke(stack.userIds.mallory, 'hello')).not.toThrow();
    const response = await owner.request('PUT', path, { body: { plugin_id: 'greeter', command: 'hello', enabled: false } });
    expect(response.status).toBe(200);
    expect(response.body.command_permissions).toEqual({ status: 'synced', commands: ['hello'], code: null, message: null });
    expect(overwritesOf('hello')).toEqual([{ id: stack.guilds.alpha, type: 1, permission: false }]);
    expect(invoke(stack.userIds.mallory, 'hello')).toThrow(notPermitted);
    expect(invoke(stack.userIds.owner, 'hello')).not.toThrow();
    // The other command of the plugin is left alone.
    expect(overwritesOf('bye')).toEqual([]);
  });

  it('GIVEN the same toggle again THEN nothing is written to Discord', async () => {
    const response = await owner.request('PUT', path, { body: { plugin_id: 'greeter', command: 'hello', enabled: false } });
    expect(response.body.command_permissions).toMatchObject({ status: 'unchanged', commands: [] });
  });

  it('GIVEN overwrites the guild set by hand THEN disabling keeps them beside the deny AND re-enabling removes only the deny', async () => {
    const byHand = [{ id: stack.userIds.alice, type: 2, permission: true }];
    await setByHand(stack, ids['bye']!, byHand);
    const off = await owner.request('PUT', path, { body: { plugin_id: 'greeter', command: 'bye', enabled: false } });
    expect(off.body.command_permissions.status).toBe('synced');
    expect(overwritesOf('bye')).toEqual([...byHand, { id: stack.guilds.alpha, type: 1, permission: false }]);
    expect(invoke(stack.userIds.mallory, 'bye')).toThrow(notPermitted);
    // A user the guild allowed by hand keeps the command (Discord resolves user overwrites first).
    expect(invoke(stack.userIds.alice, 'bye')).not.toThrow();

    const on = await owner.request('PUT', path, { body: { plugin_id: 'greeter', command: 'bye', enabled: null } });
    expect(on.body.command_permissions).toEqual({ status: 'synced', commands: ['bye'], code: null, message: null });
    expect(overwritesOf('bye')).toEqual(byHand);
    expect(invoke(stack.userIds.mallory, 'bye')).not.toThrow();
  });

  it('GIVEN the whole plugin toggled on again THEN every one of its commands is shown again', async () => {
    const off = await owner.request('PUT', path, { body: { plugin_id: 'greeter', enabled: false } });
    expect(off.body.command_permissions).toMatchObject({ status: 'synced', commands: ['bye'] });
    const on = await owner.request('PUT', path, { body: { plugin_id: 'greeter', enabled: true } });
    // hello stays hidden: its own toggle is still off.
    expect(on.body.command_permissions).toMatchObject({ status: 'synced', commands: ['bye'] });
    const hello = await owner.request('PUT', path, { body: { plugin_id: 'greeter', command: 'hello', enabled: true } });
    expect(hello.body.command_permissions).toMatchObject({ status: 'synced', commands: ['hello'] });
    expect(overwritesOf('hello')).toEqual([]);
    expect(invoke(stack.userIds.mallory, 'hello')).not.toThrow();
  });

  it('GIVEN a delegated user without Manage Roles in Discord THEN the toggle applies AND the answer says why it is not hidden', async () => {
    const alice = await stack.login('alice');
    const response = await alice.request('PUT', path, { body: { plugin_id: 'greeter', command: 'hello', enabled: false } });
    expect(response.status).toBe(200);
    expect(response.body.plugins.find((plugin: { plugin_id: string }) => plugin.plugin_id === 'greeter').commands.hello.enabled).toBe(false);
    expect(response.body.command_permissions).toMatchObject({ status: 'not_synced', code: 'BL_ERR_API_COMMAND_PERMISSIONS_FORBIDDEN' });
    expect(overwritesOf('hello')).toEqual([]);
  });

  it('GIVEN the user erased by the developer team THEN the stored grant is deleted with their data', async () => {
    const dev = await stack.login('dev');
    const erased = await dev.request('POST', `/api/v1/privacy/users/${stack.userIds.owner}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body.baseline.user_oauth_grants).toBe(1);
    const rows = await stack.db
      .fork()
      .execute<{ user_id: string }[]>('select "user_id"::text from "user_oauth_grants" where "user_id" = ?', [stack.userIds.owner]);
    expect(rows).toEqual([]);
  });

  it('GIVEN a user who signs out THEN their stored grant is deleted', async () => {
    const again = await stack.login('owner');
    const count = async () =>
      (await stack.db.fork().execute<{ n: string }[]>('select count(*)::text as n from "user_oauth_grants" where "user_id" = ?', [stack.userIds.owner]))[0]!.n;
    expect(await count()).toBe('1');
    expect((await again.request('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect(await count()).toBe('0');
  });
});

describe('toggles when the login does not ask for command permissions', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await createApiStack({ api: { commandPermissions: { requestScope: false } } });
    await registerGreeterCommands(stack, ['hello']);
  });
  afterAll(() => stack?.close());

  it('GIVEN no stored grant THEN the toggle still applies AND the answer says to sign in again granting command permissions', async () => {
    const owner = await stack.login('owner');
    const url = new URL((await owner.get('/api/v1/auth/discord/url')).body.url);
    expect(url.searchParams.get('scope')).toBe('identify guilds');
    const path = `/api/v1/guilds/${stack.guilds.alpha}/toggles`;
    const response = await owner.request('PUT', path, { body: { plugin_id: 'greeter', command: 'hello', enabled: false } });
    expect(response.status).toBe(200);
    expect(response.body.command_permissions).toEqual({
      status: 'not_synced',
      commands: [],
      code: 'BL_ERR_API_COMMAND_PERMISSIONS_NOT_GRANTED',
      message: 'not hidden in Discord: sign in again granting command permissions',
    });
    const greeter = (await owner.get(path)).body.plugins.find((plugin: { plugin_id: string }) => plugin.plugin_id === 'greeter');
    expect(greeter.commands.hello.enabled).toBe(false);
    expect(stack.emulator.commandPermissions(stack.guilds.alpha)).toEqual([]);
    expect(await stack.db.fork().execute('select 1 from "user_oauth_grants"')).toEqual([]);
  });
});

// Tokens live one second here, so every use of one refreshes it first: Discord's refresh rotates the pair and ends
// the old one, which only works if the session's copy and the stored copy of a grant move together.
describe('toggles with Discord tokens that expire at once', () => {
  let stack: ApiStack;
  let ids: Record<string, string>;
  beforeAll(async () => {
    stack = await createApiStack({ emulator: { oauth: { accessTokenLifetimeSeconds: 1 } } });
    ids = await registerGreeterCommands(stack, ['hello', 'bye']);
  });
  afterAll(() => stack?.close());

  const toggle = (client: ApiClient, command: string, enabled: boolean) =>
    client.request('PUT', `/api/v1/guilds/${stack.guilds.alpha}/toggles`, { body: { plugin_id: 'greeter', command, enabled } });
  const hidden = (name: string) => stack.emulator.commandPermissions(stack.guilds.alpha).some((entry) => entry.id === ids[name]);

  it('GIVEN the grant of the caller’s own session THEN each toggle refreshes it AND the stored copy follows', async () => {
    const owner = await stack.login('owner');
    expect((await toggle(owner, 'hello', false)).body.command_permissions.status).toBe('synced');
    expect((await toggle(owner, 'hello', true)).body.command_permissions.status).toBe('synced');
    expect(hidden('hello')).toBe(false);
  });

  it('GIVEN the stored grant came from another browser’s login THEN it is refreshed on its own AND both browsers can still hide commands', async () => {
    const first = await stack.login('owner');
    const second = await stack.login('owner');
    expect((await toggle(first, 'bye', false)).body.command_permissions.status).toBe('synced');
    expect((await toggle(second, 'bye', true)).body.command_permissions.status).toBe('synced');
    expect((await toggle(first, 'bye', false)).body.command_permissions.status).toBe('synced');
    expect(hidden('bye')).toBe(true);
  });
});
