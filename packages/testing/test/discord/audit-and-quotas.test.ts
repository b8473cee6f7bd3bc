import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogEvent, GatewayIntentBits, type Client, type Guild, type GuildAuditLogsEntry } from 'discord.js';
import type { DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

describe('Discord emulator audit entries for REST actions, through discord.js', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let guild: Guild;
  const live: GuildAuditLogsEntry[] = [];

  beforeAll(async () => {
    emulator = await testEmulator();
    const seeded = seededGuild(emulator);
    emulator.setRolePermissions(seeded.guild.id, emulator.botRole(seeded.guild.id)!.id, 8);
    client = testClient(emulator, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildModeration],
    });
    client.on('guildAuditLogEntryCreate', (entry) => live.push(entry));
    await loginReady(client, emulator.botToken);
    guild = client.guilds.cache.get(seeded.guild.id)!;
  });

  afterAll(async () => {
    await client.destroy();
    await emulator.close();
  });

  async function latest(type: AuditLogEvent): Promise<GuildAuditLogsEntry> {
    const logs = await guild.fetchAuditLogs({ type, limit: 1 });
    return logs.entries.first()!;
  }

  it('GIVEN roles added and removed with a reason THEN MEMBER_ROLE_UPDATE entries carry $add/$remove, the bot as executor AND the reason', async () => {
    const bob = await guild.members.fetch(seededGuild(emulator).user('bob').id);
    const mod = guild.roles.cache.find((role) => role.name === 'Mod')!;
    await bob.roles.add(mod, 'promoted');
    const added = await latest(AuditLogEvent.MemberRoleUpdate);
    expect(added.reason).toBe('promoted');
    expect(added.executorId).toBe(emulator.applicationId);
    expect(added.targetId).toBe(bob.id);
    expect(added.changes).toEqual([{ key: '$add', new: [{ id: mod.id, name: 'Mod' }] }]);
    await bob.roles.remove(mod, 'demoted after review');
    const removed = await latest(AuditLogEvent.MemberRoleUpdate);
    expect(removed.reason).toBe('demoted after review');
    expect(removed.changes).toEqual([{ key: '$remove', new: [{ id: mod.id, name: 'Mod' }] }]);
    expect(live.some((entry) => entry.id === removed.id && entry.reason === 'demoted after review')).toBe(true);
  });

  it('GIVEN a nickname change, a kick and a ban THEN MEMBER_UPDATE, MEMBER_KICK and MEMBER_BAN_ADD entries are written with their reasons', async () => {
    const bob = await guild.members.fetch(seededGuild(emulator).user('bob').id);
    await bob.setNickname('Robert', 'formal');
    const nick = await latest(AuditLogEvent.MemberUpdate);
    expect(nick).toMatchObject({ reason: 'formal', targetId: bob.id });
    expect(nick.changes).toEqual([{ key: 'nick', old: 'Bobby', new: 'Robert' }]);
    await bob.kick('spam');
    expect(await latest(AuditLogEvent.MemberKick)).toMatchObject({ reason: 'spam', targetId: bob.id });
    expect(emulator.state.guilds.get(guild.id)!.members.has(bob.id)).toBe(false);
    const carol = seededGuild(emulator).user('carol');
    await guild.members.ban(carol.id, { reason: 'raid' });
    expect(await latest(AuditLogEvent.MemberBanAdd)).toMatchObject({ reason: 'raid', targetId: carol.id });
    expect((await guild.bans.fetch(carol.id)).reason).toBe('raid');
    await guild.members.unban(carol.id, 'appeal');
    expect(await latest(AuditLogEvent.MemberBanRemove)).toMatchObject({ reason: 'appeal', targetId: carol.id });
  });

  it('GIVEN channels and roles created, edited and deleted THEN each writes its entry with the reason', async () => {
    const channel = await guild.channels.create({ name: 'reports', reason: 'new channel' });
    expect(await latest(AuditLogEvent.ChannelCreate)).toMatchObject({ reason: 'new channel', targetId: channel.id });
    await channel.edit({ name: 'reports-2', reason: 'rename' });
    const renamed = await latest(AuditLogEvent.ChannelUpdate);
    expect(renamed.reason).toBe('rename');
    expect(renamed.changes).toEqual([{ key: 'name', old: 'reports', new: 'reports-2' }]);
    await channel.delete('cleanup');
    expect(await latest(AuditLogEvent.ChannelDelete)).toMatchObject({ reason: 'cleanup', targetId: channel.id });
    expect(emulator.state.channels.has(channel.id)).toBe(false);

    const role = await guild.roles.create({ name: 'Helper', permissions: ['ManageMessages'], reason: 'helpers' });
    expect(await latest(AuditLogEvent.RoleCreate)).toMatchObject({ reason: 'helpers', targetId: role.id });
    await role.edit({ name: 'Helpers', reason: 'plural' });
    expect((await latest(AuditLogEvent.RoleUpdate)).changes).toEqual([{ key: 'name', old: 'Helper', new: 'Helpers' }]);
    await role.delete('unused');
    expect(await latest(AuditLogEvent.RoleDelete)).toMatchObject({ reason: 'unused', targetId: role.id });
    expect(emulator.unimplementedRequests).toEqual([]);
  });
});

describe('Discord emulator application command quotas', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let guildId: string;

  beforeAll(async () => {
    emulator = await testEmulator({ commands: { dailyCreateLimit: 3 } });
    guildId = seededGuild(emulator).guild.id;
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
  });

  afterAll(async () => {
    await client.destroy();
    await emulator.close();
  });

  it('GIVEN the daily create limit reached THEN a new command answers 400 / 30034 while updating an existing one still works', async () => {
    for (const name of ['one', 'two', 'three']) await client.application!.commands.create({ name, description: name }, guildId);
    await expect(client.application!.commands.create({ name: 'four', description: 'four' }, guildId)).rejects.toMatchObject({ status: 400, code: 30034 });
    await client.application!.commands.create({ name: 'one', description: 'updated' }, guildId);
    expect(emulator.commands(guildId).find((command) => command.body.name === 'one')?.body['description']).toBe('updated');
    // Another scope has its own budget.
    await client.application!.commands.create({ name: 'global', description: 'global' });
  });

  it('GIVEN more than 100 chat-input commands in one overwrite THEN 400 / 30032 AND the scope is unchanged', async () => {
    const many = Array.from({ length: 101 }, (_, index) => ({ name: `c${index}`, description: 'x' }));
    await expect(client.application!.commands.set(many)).rejects.toMatchObject({ status: 400, code: 30032 });
    expect(emulator.commands(null).map((command) => command.body.name)).toEqual(['global']);
  });
});
