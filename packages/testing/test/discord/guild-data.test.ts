import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogEvent, Client, DiscordAPIError, GatewayIntentBits, type Message } from 'discord.js';
import type { DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

describe('Discord emulator guild data through discord.js', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let contentless: Client;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    emulator = await testEmulator({ gateway: { guildCreateMembers: 'discord' } });
    const seeded = seededGuild(emulator);
    guildId = seeded.guild.id;
    channelId = seeded.channel('general').id;
    for (let index = 0; index < 12; index++) emulator.addUser({ username: `member${index}` });
    for (let index = 0; index < 12; index++) emulator.addMember(guildId, { user: `member${index}` });
    client = testClient(emulator);
    contentless = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], ...emulator.clientOptions() });
    await loginReady(client, emulator.botToken);
    await loginReady(contentless, emulator.botToken);
  });

  afterAll(async () => {
    await client.destroy();
    await contentless.destroy();
    await emulator.close();
  });

  it('GIVEN MESSAGE_CONTENT on one client and not on the other THEN only the first sees the content', async () => {
    const withContent = new Promise<Message>((resolve) => client.once('messageCreate', resolve));
    const without = new Promise<Message>((resolve) => contentless.once('messageCreate', resolve));
    emulator.sendMessage({ channelId, userId: 'alice', content: 'hello there' });
    expect((await withContent).content).toBe('hello there');
    expect((await without).content).toBe('');
    expect((await without).author.username).toBe('alice');
  });

  it('GIVEN a message mentioning the bot THEN a client without MESSAGE_CONTENT still sees the content', async () => {
    const without = new Promise<Message>((resolve) => contentless.once('messageCreate', resolve));
    emulator.sendMessage({ channelId, userId: 'alice', content: `<@${emulator.applicationId}> hi` });
    expect((await without).content).toBe(`<@${emulator.applicationId}> hi`);
  });

  it('GIVEN the bot sends, edits and deletes a channel message THEN the emulator records each step', async () => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send('from the bot');
    expect(emulator.messages(channelId).at(-1)).toMatchObject({ id: sent.id, content: 'from the bot', authorId: emulator.applicationId });
    await sent.edit('edited');
    expect(emulator.state.messages.get(sent.id)?.content).toBe('edited');
    const fetched = await channel.messages.fetch(sent.id);
    expect(fetched.content).toBe('edited');
    await sent.delete();
    expect(emulator.messages(channelId).some((message) => message.id === sent.id)).toBe(false);
  });

  it('GIVEN GUILD_CREATE without presences THEN the cache starts partial AND members.fetch() loads all over REQUEST_GUILD_MEMBERS', async () => {
    const guild = client.guilds.cache.get(guildId)!;
    const total = emulator.state.guilds.get(guildId)!.members.size;
    expect(guild.members.cache.size).toBeLessThan(total);
    expect(guild.members.me?.id).toBe(emulator.applicationId);
    const members = await guild.members.fetch();
    expect(members.size).toBe(emulator.state.guilds.get(guildId)!.members.size);
    const byQuery = await guild.members.fetch({ query: 'member1', limit: 10 });
    expect([...byQuery.values()].map((member) => member.user.username).sort()).toEqual(['member1', 'member10', 'member11']);
  });

  it('GIVEN members.list with a limit THEN pages follow user-id order without overlap', async () => {
    const guild = client.guilds.cache.get(guildId)!;
    const first = await guild.members.list({ limit: 5 });
    const second = await guild.members.list({ limit: 5, after: first.lastKey()! });
    const ids = [...first.keys(), ...second.keys()];
    expect(new Set(ids).size).toBe(10);
    const sorted = [...emulator.state.guilds.get(guildId)!.members.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    expect(ids).toEqual(sorted.slice(0, 10));
  });

  it('GIVEN a member joins, changes and leaves THEN guildMemberAdd, Update and Remove fire', async () => {
    const dave = emulator.addUser({ username: 'dave' });
    const added = new Promise<string>((resolve) => client.once('guildMemberAdd', (member) => resolve(member.id)));
    emulator.addMember(guildId, { user: 'dave' });
    expect(await added).toBe(dave.id);
    const updated = new Promise<string | null>((resolve) => client.once('guildMemberUpdate', (_old, member) => resolve(member.nickname)));
    emulator.updateMember(guildId, 'dave', { nick: 'D' });
    expect(await updated).toBe('D');
    const removed = new Promise<string>((resolve) => client.once('guildMemberRemove', (member) => resolve(member.id)));
    emulator.removeMember(guildId, 'dave');
    expect(await removed).toBe(dave.id);
  });

  it('GIVEN the bot was added by the owner THEN the audit log has a BOT_ADD entry with executor and target', async () => {
    const guild = client.guilds.cache.get(guildId)!;
    const logs = await guild.fetchAuditLogs({ type: AuditLogEvent.BotAdd, limit: 5 });
    const entry = logs.entries.first();
    expect(entry?.executorId).toBe(seededGuild(emulator).user('owner').id);
    expect(entry?.targetId).toBe(emulator.applicationId);
  });

  it('GIVEN the bot role loses VIEW_AUDIT_LOG THEN fetching the audit log fails with 50013', async () => {
    const role = emulator.botRole(guildId)!;
    const before = role.permissions;
    emulator.setRolePermissions(guildId, role.id, before & ~(1n << 7n));
    try {
      const error = await client.guilds.cache
        .get(guildId)!
        .fetchAuditLogs()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(50013);
      expect((error as DiscordAPIError).status).toBe(403);
    } finally {
      emulator.setRolePermissions(guildId, role.id, before);
    }
  });

  it('GIVEN a forced 429 THEN @discordjs/rest waits and retries AND the call succeeds', async () => {
    emulator.forceRateLimit('GET /guilds/:guild_id/roles', 1);
    const roles = await client.guilds.cache.get(guildId)!.roles.fetch();
    expect(roles.size).toBeGreaterThan(1);
    const attempts = emulator.requests.filter((request) => request.path === `/guilds/${guildId}/roles`);
    expect(attempts.map((request) => request.status)).toEqual([429, 200]);
  });

  it('GIVEN latency added to one route THEN its requests are held back while other routes answer AND they still succeed', async () => {
    const headers = { authorization: `Bot ${emulator.botToken}` };
    emulator.addLatency('GET /guilds/:guild_id/channels', 400);
    const finished: string[] = [];
    const slow = fetch(`${emulator.restUrl}/v10/guilds/${guildId}/channels`, { headers }).then((response) => {
      finished.push('channels');
      return response;
    });
    const fast = fetch(`${emulator.restUrl}/v10/guilds/${guildId}/roles`, { headers }).then((response) => {
      finished.push('roles');
      return response;
    });
    const [slowResponse, fastResponse] = await Promise.all([slow, fast]);
    expect(finished).toEqual(['roles', 'channels']);
    expect([slowResponse.status, fastResponse.status]).toEqual([200, 200]);
  });

  it('GIVEN percent-encoded @me and a missing route THEN routing decodes AND errors use Discord bodies', async () => {
    const headers = { authorization: `Bot ${emulator.botToken}` };
    const me = await fetch(`${emulator.restUrl}/v10/users/%40me`, { headers });
    expect(((await me.json()) as { id: string }).id).toBe(emulator.applicationId);
    expect(me.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]+$/);
    const missing = await fetch(`${emulator.restUrl}/v10/channels/1/messages/2`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Unknown Channel', code: 10003 });
    const unauthorized = await fetch(`${emulator.restUrl}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });
});
