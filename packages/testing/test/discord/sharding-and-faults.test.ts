import { afterEach, describe, expect, it } from 'vitest';
import { Client, GatewayIntentBits, MessageFlags } from 'discord.js';
import { createDiscordEmulator, shardIdForGuild, type DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

const fastGateway = { heartbeatIntervalMs: 1000, identifyIntervalMs: 300 };

describe('Discord emulator gateway: sharding, resume and faults', () => {
  let emulator: DiscordEmulator;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await emulator.close();
  });

  it('GIVEN 50 guilds and a 3-shard client THEN every guild arrives exactly once, on the shard the formula names', async () => {
    emulator = await createDiscordEmulator({
      gateway: fastGateway,
      seed: { users: [{ username: 'owner' }], guilds: Array.from({ length: 50 }, (_, index) => ({ name: `g${index}`, owner: 'owner' })) },
    });
    client = new Client({ intents: [GatewayIntentBits.Guilds], shards: [0, 1, 2], shardCount: 3, ...emulator.clientOptions() });
    const arrivals = new Map<string, number[]>();
    client.on('raw', (packet: { t?: string; d?: { id: string } }, shardId: number) => {
      if (packet.t === 'GUILD_CREATE') arrivals.set(packet.d!.id, [...(arrivals.get(packet.d!.id) ?? []), shardId]);
    });
    await loginReady(client, emulator.botToken);
    expect(client.guilds.cache.size).toBe(50);
    expect(arrivals.size).toBe(50);
    const perShard = [0, 0, 0];
    for (const [guildId, shards] of arrivals) {
      expect(shards).toEqual([shardIdForGuild(guildId, 3)]);
      perShard[shards[0]!]!++;
    }
    expect(perShard.every((count) => count > 0)).toBe(true);
    expect(
      emulator
        .connectedShards()
        .map((session) => session.shardId)
        .sort(),
    ).toEqual([0, 1, 2]);
    // Every IDENTIFY is on record with its bucket and the emulator's answer.
    expect(
      emulator
        .identifies()
        .map(({ shardId, bucket, outcome }) => [shardId, bucket, outcome])
        .sort(),
    ).toEqual([
      [0, 0, 'started'],
      [1, 1, 'started'],
      [2, 2, 'started'],
    ]);
  });

  it('GIVEN a dropped shard WHEN an interaction is sent while it is disconnected THEN the client resumes and handles it exactly once', async () => {
    emulator = await testEmulator();
    const { guild, channel } = seededGuild(emulator);
    client = testClient(emulator);
    const handled: string[] = [];
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      handled.push(interaction.id);
      await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    await loginReady(client, emulator.botToken);
    await client.application!.commands.create({ name: 'ping', description: 'Ping' }, guild.id);
    const resumed = new Promise<void>((resolve) => client!.once('shardResume', () => resolve()));
    expect(emulator.dropShard(0)).toBe(1);
    const call = emulator.invokeSlashCommand({ guildId: guild.id, channelId: channel('general').id, userId: 'alice', name: 'ping' });
    await resumed;
    expect((await call.reply()).content).toBe('ok');
    expect(handled).toEqual([call.id]);
    expect(emulator.connectedShards()).toHaveLength(1);
  });

  it('GIVEN RECONNECT THEN the client resumes its session', async () => {
    emulator = await testEmulator();
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    const sessionId = emulator.connectedShards()[0]!.sessionId;
    const resumed = new Promise<void>((resolve) => client!.once('shardResume', () => resolve()));
    expect(emulator.sendReconnect(0)).toBe(1);
    await resumed;
    expect(emulator.connectedShards()).toMatchObject([{ sessionId, connected: true }]);
  });

  it('GIVEN a non-resumable INVALID_SESSION THEN the client identifies again with a new session', async () => {
    emulator = await testEmulator();
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    const first = emulator.connectedShards()[0]!.sessionId;
    const readyAgain = new Promise<void>((resolve) => client!.once('shardReady', () => resolve()));
    emulator.sendInvalidSession(0, false);
    await readyAgain;
    const sessions = emulator.connectedShards();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.sessionId).not.toBe(first);
  });

  it('GIVEN a resumable INVALID_SESSION THEN the client resumes the same session', async () => {
    emulator = await testEmulator();
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    const first = emulator.connectedShards()[0]!.sessionId;
    const resumed = new Promise<void>((resolve) => client!.once('shardResume', () => resolve()));
    emulator.sendInvalidSession(0, true);
    await resumed;
    expect(emulator.connectedShards()[0]!.sessionId).toBe(first);
  });

  it('GIVEN the bot is added and removed after ready THEN guildCreate and guildDelete fire', async () => {
    emulator = await testEmulator();
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    const guild = emulator.addGuild({ name: 'Later', owner: 'carol', bot: false });
    const created = new Promise<string>((resolve) => client!.once('guildCreate', (joined) => resolve(joined.id)));
    emulator.makeBotJoin(guild.id, { addedBy: 'carol' });
    expect(await created).toBe(guild.id);
    const deleted = new Promise<string>((resolve) => client!.once('guildDelete', (left) => resolve(left.id)));
    emulator.makeBotLeave(guild.id);
    expect(await deleted).toBe(guild.id);
    expect(client.guilds.cache.has(guild.id)).toBe(false);
  });

  it('GIVEN a session start limit of 1 WHEN a second identify happens THEN it is refused and /gateway/bot shows none remaining', async () => {
    emulator = await testEmulator({ gateway: { sessionStartLimit: 1 } });
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    const gatewayBot = await fetch(`${emulator.restUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${emulator.botToken}` } });
    expect(((await gatewayBot.json()) as { session_start_limit: unknown }).session_start_limit).toMatchObject({ total: 1, remaining: 0 });
    const second = testClient(emulator);
    await expect(second.login(emulator.botToken)).rejects.toThrow();
    await second.destroy();
  });
});
