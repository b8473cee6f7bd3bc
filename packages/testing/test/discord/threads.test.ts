import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChannelType,
  type AnyThreadChannel,
  type Client,
  type Collection,
  type Guild,
  type GatewayDispatchPayload,
  type Message,
  type TextChannel,
} from 'discord.js';
import type { DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

function next<T extends unknown[]>(client: Client, event: string, accept: (...args: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (...args: unknown[]) => {
      if (!accept(...(args as T))) return;
      client.off(event, listener);
      resolve(args as T);
    };
    client.on(event, listener);
  });
}

describe('Discord emulator threads through discord.js', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let guildId: string;
  let channelId: string;
  let channel: TextChannel;

  beforeAll(async () => {
    emulator = await testEmulator();
    const seeded = seededGuild(emulator);
    guildId = seeded.guild.id;
    channelId = seeded.channel('general').id;
    // The default bot role plus MANAGE_THREADS (1 << 34): archiving others' threads and deleting need it.
    const botRole = emulator.botRole(guildId)!;
    emulator.setRolePermissions(guildId, botRole.id, botRole.permissions | (1n << 34n));
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    channel = (await client.channels.fetch(channelId)) as TextChannel;
  });

  afterAll(async () => {
    await client.destroy();
    await emulator.close();
  });

  it('GIVEN message.startThread() THEN the thread has the message id, THREAD_CREATE arrives AND a reply posted in it is stored there', async () => {
    const starter = await channel.send('topic');
    const created = next<[AnyThreadChannel, boolean]>(client, 'threadCreate');
    const thread = await starter.startThread({ name: 'Discussion' });
    expect(thread.id).toBe(starter.id);
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect(thread.parentId).toBe(channelId);
    const [event, newlyCreated] = await created;
    expect(event.id).toBe(thread.id);
    expect(newlyCreated).toBe(true);
    await thread.send('first reply');
    expect(emulator.messages(thread.id).map((message) => message.content)).toEqual(['first reply']);
    expect(emulator.messages(channelId).find((message) => message.id === starter.id)?.threadId).toBe(thread.id);
    const refetched = await starter.fetch(true);
    expect(refetched.hasThread).toBe(true);
    expect(refetched.thread?.id).toBe(thread.id);
  });

  it('GIVEN a user starting a thread and posting in it THEN the bot sees both, joins, lists it as active AND archives it', async () => {
    const starter = emulator.sendMessage({ channelId, userId: 'alice', content: 'can we talk?' });
    const created = next<[AnyThreadChannel]>(client, 'threadCreate');
    const record = emulator.startThread({ channelId, userId: 'alice', name: 'Talk', messageId: starter.id });
    const [thread] = await created;
    expect(thread.id).toBe(record.id);
    expect(thread.ownerId).toBe(seededGuild(emulator).user('alice').id);

    const posted = next<[Message]>(client, 'messageCreate', (message) => message.channelId === record.id);
    emulator.sendMessage({ channelId: record.id, userId: 'bob', content: 'me too' });
    const [message] = await posted;
    expect(message.channel.isThread()).toBe(true);
    expect(message.content).toBe('me too');

    await thread.join();
    expect(record.thread?.members.has(emulator.applicationId)).toBe(true);
    const active = await client.guilds.cache.get(guildId)!.channels.fetchActiveThreads();
    expect(active.threads.has(record.id)).toBe(true);

    const updated = next<[AnyThreadChannel, AnyThreadChannel]>(client, 'threadUpdate');
    await thread.setArchived(true);
    expect((await updated)[1].archived).toBe(true);
    expect(record.thread?.archived).toBe(true);
    const afterArchive = await client.guilds.cache.get(guildId)!.channels.fetchActiveThreads();
    expect(afterArchive.threads.has(record.id)).toBe(false);
  });

  it('GIVEN channel.threads.create() THEN a standalone public thread exists AND deleting it sends THREAD_DELETE', async () => {
    const thread = await channel.threads.create({ name: 'standalone', type: ChannelType.PublicThread });
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect(emulator.state.channels.get(thread.id)?.thread?.ownerId).toBe(emulator.applicationId);
    const deleted = next<[AnyThreadChannel]>(client, 'threadDelete');
    await thread.delete();
    expect((await deleted)[0].id).toBe(thread.id);
    expect(emulator.state.channels.has(thread.id)).toBe(false);
  });

  it('GIVEN the bot joining a thread THEN THREAD_MEMBER_UPDATE for itself (with guild_id) arrives before THREAD_MEMBERS_UPDATE', async () => {
    const record = emulator.startThread({ channelId, userId: 'alice', name: 'join me' });
    const packets: GatewayDispatchPayload[] = [];
    const onRaw = (packet: GatewayDispatchPayload) => {
      if (packet.t === 'THREAD_MEMBER_UPDATE' || packet.t === 'THREAD_MEMBERS_UPDATE') packets.push(packet);
    };
    client.on('raw', onRaw);
    const membersUpdated = next<unknown[]>(client, 'threadMembersUpdate');
    const thread = (await client.channels.fetch(record.id)) as AnyThreadChannel;
    await thread.join();
    await membersUpdated;
    client.off('raw', onRaw);
    expect(packets.map((packet) => packet.t)).toEqual(['THREAD_MEMBER_UPDATE', 'THREAD_MEMBERS_UPDATE']);
    expect(packets[0]!.d).toMatchObject({ id: record.id, user_id: emulator.applicationId, guild_id: guildId, flags: 0 });
    expect(thread.joined).toBe(true);
    expect(thread.members.cache.get(emulator.applicationId)?.joinedTimestamp).toBe(Date.parse(record.thread!.members.get(emulator.applicationId)!));
  });

  it('GIVEN a thread in a channel the bot cannot view THEN no THREAD_CREATE reaches it AND gaining view sends THREAD_LIST_SYNC with that channel', async () => {
    emulator.addRole(guildId, { name: 'insiders' });
    const hidden = emulator.addChannel(guildId, {
      name: 'hidden',
      overwrites: [
        { id: guildId, type: 'role', deny: 1n << 10n },
        { id: 'insiders', type: 'role', allow: 1n << 10n },
      ],
    });
    const created: string[] = [];
    const onCreate = (thread: AnyThreadChannel) => created.push(thread.id);
    client.on('threadCreate', onCreate);
    const record = emulator.startThread({ channelId: hidden.id, userId: 'alice', name: 'behind the door' });
    const listed = await client.guilds.cache.get(guildId)!.channels.fetchActiveThreads();
    expect(listed.threads.has(record.id)).toBe(false);

    const synced = next<[Collection<string, AnyThreadChannel>, Guild]>(client, 'threadListSync');
    const raw = next<[GatewayDispatchPayload]>(client, 'raw', (packet) => packet.t === 'THREAD_LIST_SYNC');
    const botRoleId = emulator.botRole(guildId)!.id;
    emulator.setMemberRoles(guildId, emulator.applicationId, [botRoleId, 'insiders']);
    const [threads, guild] = await synced;
    client.off('threadCreate', onCreate);
    expect(created).not.toContain(record.id);
    expect(guild.id).toBe(guildId);
    expect([...threads.keys()]).toEqual([record.id]);
    expect(client.channels.cache.get(record.id)?.isThread()).toBe(true);
    expect((await raw)[0].d).toMatchObject({ guild_id: guildId, channel_ids: [hidden.id], members: [] });
    const relisted = await client.guilds.cache.get(guildId)!.channels.fetchActiveThreads();
    expect(relisted.threads.has(record.id)).toBe(true);
  });

  it('GIVEN a message that already has a thread THEN starting another answers 400 / 160004', async () => {
    const starter = await channel.send('once');
    await starter.startThread({ name: 'one' });
    const again = await client.rest.post(`/channels/${channelId}/messages/${starter.id}/threads`, { body: { name: 'two' } }).catch((error: unknown) => error);
    expect(again).toMatchObject({ code: 160004 });
    expect(emulator.unimplementedRequests).toEqual([]);
  });
});
