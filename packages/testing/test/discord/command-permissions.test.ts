import type { ApplicationCommandPermissionsUpdateData } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TESTING_ERROR_CODES, type DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

const redirectUri = 'http://127.0.0.1:9/callback';
const SCOPE = 'applications.commands.permissions.update';

describe('Discord emulator application command permissions', () => {
  let emulator: DiscordEmulator;
  let guildId: string;
  let commandId: string;
  let botHeaders: Record<string, string>;
  let permissionsUrl: (targetId: string) => string;

  beforeAll(async () => {
    emulator = await testEmulator({ application: { redirectUris: [redirectUri] } });
    const { guild, user } = seededGuild(emulator);
    guildId = guild.id;
    await emulator.addMember(guildId, { user: 'carol', roles: ['Admin'] });
    botHeaders = { authorization: `Bot ${emulator.botToken}`, 'content-type': 'application/json' };
    const commands = `${emulator.restUrl}/v10/applications/${emulator.applicationId}/guilds/${guildId}/commands`;
    const created = await fetch(commands, { method: 'POST', headers: botHeaders, body: JSON.stringify({ name: 'wave', description: 'Wave' }) });
    commandId = ((await created.json()) as { id: string }).id;
    permissionsUrl = (targetId) => `${commands}/${targetId}/permissions`;
    expect(user('owner')).toBeDefined();
  });

  afterAll(async () => {
    await emulator.close();
  });

  async function bearerOf(userName: string, scope: string): Promise<Record<string, string>> {
    const userId = seededGuild(emulator).user(userName).id;
    const query = new URLSearchParams({
      client_id: emulator.applicationId,
      response_type: 'code',
      scope,
      state: 's',
      redirect_uri: redirectUri,
      user_id: userId,
    });
    const authorize = await fetch(`${emulator.url}/oauth2/authorize?${query}`, { redirect: 'manual' });
    const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
    const token = await fetch(`${emulator.restUrl}/v10/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: emulator.applicationId,
        client_secret: emulator.clientSecret,
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      }),
    });
    const grant = (await token.json()) as { access_token: string; scope: string };
    expect(grant.scope.split(' ')).toEqual(scope.split(' '));
    return { authorization: `Bearer ${grant.access_token}`, 'content-type': 'application/json' };
  }

  const put = (headers: Record<string, string>, permissions: unknown, targetId = commandId) =>
    fetch(permissionsUrl(targetId), { method: 'PUT', headers, body: JSON.stringify({ permissions }) });
  const everyoneOff = () => [{ id: guildId, type: 1, permission: false }];

  it('GIVEN a bot token THEN PUT answers 403 with code 20001 (bots cannot use this endpoint)', async () => {
    const response = await put(botHeaders, everyoneOff());
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Bots cannot use this endpoint', code: 20001 });
  });

  it('GIVEN a bearer token without the permissions scope THEN PUT answers 403 with code 50026', async () => {
    const response = await put(await bearerOf('owner', 'identify guilds'), everyoneOff());
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: number }).code).toBe(50026);
  });

  it('GIVEN a member with MANAGE_GUILD but not MANAGE_ROLES THEN PUT answers 403 with code 50013', async () => {
    const response = await put(await bearerOf('alice', `identify ${SCOPE}`), everyoneOff());
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: number }).code).toBe(50013);
  });

  it('GIVEN no overwrites yet THEN GET of the command answers 404 with code 10066 AND the guild list is empty', async () => {
    const single = await fetch(permissionsUrl(commandId), { headers: botHeaders });
    expect(single.status).toBe(404);
    expect(((await single.json()) as { code: number }).code).toBe(10066);
    const all = await fetch(`${emulator.restUrl}/v10/applications/${emulator.applicationId}/guilds/${guildId}/commands/permissions`, { headers: botHeaders });
    expect(await all.json()).toEqual([]);
  });

  it('GIVEN invalid bodies THEN PUT answers Discord errors: 50035 for a missing list, more than 100 entries or a bad type; 10011, 10063', async () => {
    const owner = await bearerOf('owner', `identify ${SCOPE}`);
    const missing = await fetch(permissionsUrl(commandId), { method: 'PUT', headers: owner, body: JSON.stringify({}) });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 50035, errors: { permissions: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } } });
    const tooMany = await put(
      owner,
      Array.from({ length: 101 }, () => ({ id: guildId, type: 1, permission: false })),
    );
    expect(await tooMany.json()).toMatchObject({ code: 50035, errors: { permissions: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } });
    const badType = await put(owner, [{ id: guildId, type: 4, permission: false }]);
    expect(await badType.json()).toMatchObject({ code: 50035, errors: { permissions: { 0: { type: { _errors: [{ code: 'ENUM_TYPE_COERCE' }] } } } } });
    const badEntry = await put(owner, [{ id: 'everyone', type: 1, permission: 'yes' }]);
    expect(await badEntry.json()).toMatchObject({
      code: 50035,
      errors: {
        permissions: {
          0: {
            id: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Value "everyone" is not snowflake.' }] },
            permission: { _errors: [{ code: 'BOOLEAN_TYPE_COERCE', message: 'Must be either true or false.' }] },
          },
        },
      },
    });
    const unknownRole = await put(owner, [{ id: '123456789012345678', type: 1, permission: false }]);
    expect([unknownRole.status, ((await unknownRole.json()) as { code: number }).code]).toEqual([404, 10011]);
    const unknownCommand = await put(owner, everyoneOff(), '123456789012345678');
    expect([unknownCommand.status, ((await unknownCommand.json()) as { code: number }).code]).toEqual([404, 10063]);
    expect(emulator.commandPermissions(guildId)).toEqual([]);
  });

  it('GIVEN the owner with the scope sets @everyone=false THEN GET answers it, the bot receives APPLICATION_COMMAND_PERMISSIONS_UPDATE AND the driver refuses members but not admins', async () => {
    const client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    try {
      const update = new Promise<ApplicationCommandPermissionsUpdateData>((resolve) => client.once('applicationCommandPermissionsUpdate', resolve));
      const owner = await bearerOf('owner', `identify ${SCOPE}`);
      const response = await put(owner, everyoneOff());
      expect(response.status).toBe(200);
      const expected = { id: commandId, application_id: emulator.applicationId, guild_id: guildId, permissions: everyoneOff() };
      expect(await response.json()).toEqual(expected);
      expect(await (await fetch(permissionsUrl(commandId), { headers: botHeaders })).json()).toEqual(expected);
      expect(emulator.commandPermissions(guildId)).toEqual([expected]);
      expect(await update).toMatchObject({ id: commandId, guildId, permissions: [{ id: guildId, type: 1, permission: false }] });

      expect(() => emulator.invokeSlashCommand({ guildId, userId: 'bob', name: 'wave' })).toThrow(
        expect.objectContaining({ code: TESTING_ERROR_CODES.emulator.commandNotPermitted }),
      );
      // The owner and ADMINISTRATOR holders cannot be locked out, as on Discord.
      expect(() => emulator.invokeSlashCommand({ guildId, userId: 'owner', name: 'wave' })).not.toThrow();
      expect(() => emulator.invokeSlashCommand({ guildId, userId: 'carol', name: 'wave' })).not.toThrow();
    } finally {
      await client.destroy();
    }
  });

  it('GIVEN a role allowed beside @everyone denied THEN its members may use the command AND a channel deny wins in that channel', async () => {
    const { guild, channel } = seededGuild(emulator);
    const mod = [...guild.roles.values()].find((role) => role.name === 'Mod')!;
    const owner = await bearerOf('owner', `identify ${SCOPE}`);
    const logs = channel('logs').id;
    expect((await put(owner, [...everyoneOff(), { id: mod.id, type: 1, permission: true }, { id: logs, type: 3, permission: false }])).status).toBe(200);
    expect(() => emulator.invokeSlashCommand({ guildId, channelId: 'general', userId: 'alice', name: 'wave' })).not.toThrow();
    expect(() => emulator.invokeSlashCommand({ guildId, channelId: 'logs', userId: 'alice', name: 'wave' })).toThrow(
      expect.objectContaining({ code: TESTING_ERROR_CODES.emulator.commandNotPermitted }),
    );
    expect(() => emulator.invokeSlashCommand({ guildId, channelId: 'general', userId: 'bob', name: 'wave' })).toThrow(
      expect.objectContaining({ code: TESTING_ERROR_CODES.emulator.commandNotPermitted }),
    );
  });

  it('GIVEN an empty list THEN the overwrites are cleared AND every member may use the command again', async () => {
    const owner = await bearerOf('owner', `identify ${SCOPE}`);
    expect((await put(owner, [])).status).toBe(200);
    expect(emulator.commandPermissions(guildId)).toEqual([]);
    expect((await fetch(permissionsUrl(commandId), { headers: botHeaders })).status).toBe(404);
    expect(() => emulator.invokeSlashCommand({ guildId, userId: 'bob', name: 'wave' })).not.toThrow();
  });
});
