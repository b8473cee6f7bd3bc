import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';

describe('GET /guilds/{guild_id}/discord: channels and roles for the settings pickers', () => {
  let stack: ApiStack;
  let owner: ApiClient;
  let path: string;

  beforeAll(async () => {
    stack = await createApiStack({ instances: 2, api: { caches: { membersTtlMs: 60_000 } } });
    owner = await stack.login('owner');
    path = `/api/v1/guilds/${stack.guilds.alpha}/discord`;
  });
  afterAll(() => stack?.close());

  /** The channel and role requests the emulator received for the guild. */
  const discordCalls = () =>
    stack.emulator.requests
      .filter((request) => request.path === `/guilds/${stack.guilds.alpha}/channels` || request.path === `/guilds/${stack.guilds.alpha}/roles`)
      .map((request) => request.path);

  it('GIVEN a caller without access to the guild THEN 403 and Discord is not asked', async () => {
    const bob = await stack.login('bob');
    const response = await bob.get(path);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('BL_ERR_API_FORBIDDEN');
    expect(discordCalls()).toEqual([]);
  });

  it("GIVEN the guild's channels and roles in Discord THEN they come back in Discord's order with id, name and type", async () => {
    const guild = stack.guilds.alpha;
    stack.emulator.addChannel(guild, { name: 'Voice', type: 2 });
    stack.emulator.addChannel(guild, { name: 'mod-log', type: 0 });
    stack.emulator.addRole(guild, { name: 'Moderators' });
    const response = await owner.get(path);
    expect(response.status).toBe(200);
    const state = stack.emulator.state.guilds.get(guild)!;
    expect(response.body.channels).toEqual(
      [...state.channels.values()].sort((a, b) => a.position - b.position).map((channel) => ({ id: channel.id, name: channel.name, type: channel.type })),
    );
    expect(response.body.channels.map((channel: { name: string }) => channel.name)).toEqual(expect.arrayContaining(['general', 'Voice', 'mod-log']));
    expect(response.body.channels.find((channel: { name: string }) => channel.name === 'Voice').type).toBe(2);
    const roles = response.body.roles.map((role: { name: string }) => role.name);
    expect(roles).toContain('Moderators');
    expect(roles.at(-1)).toBe('@everyone');
  });

  it('GIVEN a change in Discord within the cache lifetime THEN every instance answers from the shared cache', async () => {
    const before = (await owner.get(path)).body;
    stack.emulator.addChannel(stack.guilds.alpha, { name: 'brand-new' });
    const other = await stack.login('alice', 1);
    expect((await other.get(path)).body).toEqual(before);
    // Asked once (channels and roles) for the three answers of two instances.
    expect(discordCalls().sort()).toEqual([`/guilds/${stack.guilds.alpha}/channels`, `/guilds/${stack.guilds.alpha}/roles`]);
  });

  it('GIVEN the OpenAPI document THEN the route is described with its schema', async () => {
    const document = (await owner.get('/api/v1/openapi.json')).body;
    const operation = document.paths['/api/v1/guilds/{guild_id}/discord'].get;
    expect(operation['x-baseline-access']).toBe('guild');
    expect(document.components.schemas.GuildDiscordData.properties.channels).toBeDefined();
  });
});
