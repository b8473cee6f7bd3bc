import { afterEach, describe, expect, it } from 'vitest';
import { Client, GatewayIntentBits } from 'discord.js';
import type { DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

describe('Discord emulator gateway: login', () => {
  let emulator: DiscordEmulator;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await emulator.close();
  });

  it('GIVEN a seeded guild WHEN discord.js logs in THEN it becomes ready with the guild, its channels, roles and its own member', async () => {
    emulator = await testEmulator();
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    const { guild } = seededGuild(emulator);
    const cached = client.guilds.cache.get(guild.id);
    expect(client.user?.id).toBe(emulator.applicationId);
    expect(client.application?.id).toBe(emulator.applicationId);
    expect(cached?.available).toBe(true);
    expect(cached?.channels.cache.map((channel) => channel.name).sort()).toEqual(['general', 'logs']);
    expect(cached?.roles.cache.map((role) => role.name)).toContain('Mod');
    expect(cached?.members.me?.permissions.has('ViewAuditLog')).toBe(true);
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200 });
  });

  it('GIVEN a wrong token THEN login rejects with TokenInvalid', async () => {
    emulator = await testEmulator();
    client = testClient(emulator);
    await expect(client.login('MTIz.bad.token')).rejects.toMatchObject({ code: 'TokenInvalid' });
  });

  it('GIVEN privileged intents the app has not enabled THEN login fails with close 4014', async () => {
    emulator = await testEmulator({ application: { privilegedIntents: [] } });
    client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers], ...emulator.clientOptions() });
    const disconnected = new Promise<number>((resolve) => client!.once('shardDisconnect', (event) => resolve(event.code)));
    const login = client.login(emulator.botToken).catch((error: unknown) => error);
    expect(await disconnected).toBe(4014);
    expect(await login).toBeInstanceOf(Error);
  });
});
