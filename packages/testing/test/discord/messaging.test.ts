import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  DiscordAPIError,
  GatewayIntentBits,
  Partials,
  type Message,
  type MessageReaction,
  type PartialMessageReaction,
  type PartialUser,
  type Typing,
  type User,
} from 'discord.js';
import { shardIdForGuild, type DiscordEmulator } from '../../src/index.js';
import { loginReady, seededGuild, testClient, testEmulator } from './fixtures.js';

/** Resolves with the first `event` emission of `client` accepted by `accept`. */
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

describe('Discord emulator DMs, reactions, typing, replies and interaction metadata through discord.js', () => {
  let emulator: DiscordEmulator;
  let client: Client;
  let quiet: Client;
  let guildId: string;
  let channelId: string;
  const warnings: string[] = [];

  beforeAll(async () => {
    emulator = await testEmulator({ rest: { warn: (message) => warnings.push(message) } });
    const seeded = seededGuild(emulator);
    guildId = seeded.guild.id;
    channelId = seeded.channel('general').id;
    client = testClient(emulator, {
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMembers,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
        GatewayIntentBits.GuildMessageReactions,
        GatewayIntentBits.GuildMessageTyping,
        GatewayIntentBits.DirectMessages,
        GatewayIntentBits.DirectMessageReactions,
      ],
      partials: [Partials.Channel, Partials.Message, Partials.Reaction],
    });
    // A second session of the same bot without the reaction, typing and DM intents.
    quiet = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], ...emulator.clientOptions() });
    await loginReady(client, emulator.botToken);
    await loginReady(quiet, emulator.botToken);
  });

  afterAll(async () => {
    await client.destroy();
    await quiet.destroy();
    await emulator.close();
  });

  it('GIVEN user.send() THEN the bot opens a DM, the message is stored there AND the user answering in it reaches the bot under DIRECT_MESSAGES', async () => {
    const alice = await client.users.fetch(seededGuild(emulator).user('alice').id);
    const sent = await alice.send('welcome!');
    const dm = emulator.dmChannel('alice');
    expect(sent.channelId).toBe(dm.id);
    expect(emulator.messages(dm.id).map((message) => message.content)).toEqual(['welcome!']);
    expect((await alice.createDM()).id).toBe(dm.id);

    let quietSaw = false;
    quiet.on('messageCreate', (message) => {
      if (!message.guildId) quietSaw = true;
    });
    const received = next<[Message]>(client, 'messageCreate', (message) => message.channelId === dm.id && !message.author.bot);
    emulator.sendDirectMessage({ userId: 'alice', content: 'thanks' });
    const [message] = await received;
    expect(message.content).toBe('thanks');
    expect(message.channel.isDMBased()).toBe(true);
    expect(message.author.username).toBe('alice');
    expect(quietSaw).toBe(false);
  });

  it('GIVEN a user DM to a bot user THEN the REST answer is 403 / 50007', async () => {
    const error = await client.rest.post('/users/@me/channels', { body: { recipient_id: emulator.applicationId } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50007);
  });

  it('GIVEN a DM opened without recipient_id THEN the REST answer is 400 / 50035 naming the field', async () => {
    const error = await client.rest.post('/users/@me/channels', { body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { recipient_id: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } } });
  });

  it('GIVEN message.react() and a user reaction THEN both are stored, events reach the reaction-intent session only AND removal is seen', async () => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('not sendable');
    const message = await channel.send('vote');
    await message.react('👍');
    expect(emulator.messages(channelId).at(-1)?.reactions).toEqual([{ emoji: '👍', userIds: [emulator.applicationId] }]);

    let quietSaw = false;
    quiet.on('raw', (packet: { t?: string }) => {
      if (packet.t?.startsWith('MESSAGE_REACTION')) quietSaw = true;
    });
    const added = next<[MessageReaction | PartialMessageReaction, User | PartialUser]>(
      client,
      'messageReactionAdd',
      (_reaction, user) => user.id !== client.user!.id,
    );
    emulator.react(message.id, 'alice', '👍');
    const [reaction, user] = await added;
    expect(user.id).toBe(seededGuild(emulator).user('alice').id);
    expect(reaction.emoji.name).toBe('👍');
    expect(reaction.count).toBe(2);

    const users = await reaction.users.fetch();
    expect([...users.keys()].sort()).toEqual([emulator.applicationId, user.id].sort());
    const fetched = await channel.messages.fetch({ message: message.id, force: true });
    expect(fetched.reactions.cache.get('👍')?.count).toBe(2);
    expect(fetched.reactions.cache.get('👍')?.me).toBe(true);

    const removed = next<[MessageReaction | PartialMessageReaction, User | PartialUser]>(client, 'messageReactionRemove');
    emulator.unreact(message.id, 'alice', '👍');
    expect((await removed)[1].id).toBe(user.id);
    await fetched.reactions.cache.get('👍')!.users.remove(client.user!.id);
    expect(emulator.messages(channelId).at(-1)?.reactions).toEqual([]);
    expect(quietSaw).toBe(false);
  });

  it('GIVEN a reaction on a message in a guild of a 2-shard bot THEN MESSAGE_REACTION_ADD arrives on the shard owning that guild', async () => {
    // A guild owned by shard 1 (ids carry distinct timestamps, so a few tries land on each shard).
    let other = emulator.addGuild({ name: 'Shard one', owner: 'owner', members: [{ user: 'carol' }] });
    while (shardIdForGuild(other.id, 2) !== 1) other = emulator.addGuild({ name: 'Shard one', owner: 'owner', members: [{ user: 'carol' }] });
    const otherChannel = [...other.channels.keys()][0]!;
    const sharded = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
      shards: [0, 1],
      shardCount: 2,
      ...emulator.clientOptions(),
    });
    try {
      await loginReady(sharded, emulator.botToken);
      const sent = emulator.sendMessage({ channelId: otherChannel, userId: 'carol', content: 'react here' });
      const arrived = new Promise<number>((resolve) =>
        sharded.on('raw', (packet: { t?: string }, shardId: number) => {
          if (packet.t === 'MESSAGE_REACTION_ADD') resolve(shardId);
        }),
      );
      emulator.react(sent.id, 'carol', '🎉');
      expect(await arrived).toBe(1);
    } finally {
      await sharded.destroy();
    }
  });

  it('GIVEN the bot removing all reactions without MANAGE_MESSAGES THEN 50013, AND with it the reactions are cleared', async () => {
    const sent = emulator.sendMessage({ channelId, userId: 'bob', content: 'clear me' });
    emulator.react(sent.id, 'bob', '👍');
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isTextBased()) throw new Error('not text');
    const message = await channel.messages.fetch(sent.id);
    await expect(message.reactions.removeAll()).rejects.toMatchObject({ code: 50013 });
    emulator.setRolePermissions(guildId, emulator.botRole(guildId)!.id, (BigInt(emulator.botRole(guildId)!.permissions) | (1n << 13n)).toString());
    await message.reactions.removeAll();
    expect(emulator.messages(channelId).find((candidate) => candidate.id === sent.id)?.reactions).toEqual([]);
  });

  it('GIVEN channel.sendTyping() THEN it succeeds, AND a user typing reaches the bot as typingStart under GUILD_MESSAGE_TYPING', async () => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('not sendable');
    await channel.sendTyping();
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'POST', path: `/channels/${channelId}/typing`, status: 204 });
    const typing = next<[Typing]>(client, 'typingStart');
    emulator.startTyping(channelId, 'bob');
    const [event] = await typing;
    expect(event.user.id).toBe(seededGuild(emulator).user('bob').id);
    expect(event.channel.id).toBe(channelId);
    expect(event.member?.nickname).toBe('Bobby');
  });

  it('GIVEN message.reply() THEN the reply has a reference AND referenced_message, fetched or created', async () => {
    const original = next<[Message]>(client, 'messageCreate', (message) => message.content === 'question?');
    emulator.sendMessage({ channelId, userId: 'alice', content: 'question?' });
    const [question] = await original;
    const reply = await question.reply('answer');
    expect(reply.reference?.messageId).toBe(question.id);
    expect(reply.type).toBe(19);
    const fetched = await reply.fetch(true);
    expect(fetched.reference).toMatchObject({ messageId: question.id, channelId, guildId });
    const raw = (await client.rest.get(`/channels/${channelId}/messages/${reply.id}`)) as { referenced_message: { id: string; content: string } };
    expect(raw.referenced_message).toMatchObject({ id: question.id, content: 'question?' });
    expect((await fetched.fetchReference()).content).toBe('question?');
    expect(emulator.messages(channelId).at(-1)?.replyTo).toBe(question.id);

    const userReply = next<[Message]>(client, 'messageCreate', (message) => message.content === 'thanks bot');
    emulator.sendMessage({ channelId, userId: 'alice', content: 'thanks bot', replyTo: reply.id });
    expect((await userReply)[0].reference?.messageId).toBe(reply.id);
  });

  it('GIVEN a reply to a message that does not exist THEN 400 / 50035, unless fail_if_not_exists is false', async () => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('not sendable');
    await expect(channel.send({ content: 'x', reply: { messageReference: '1' } })).rejects.toMatchObject({ code: 50035 });
    const plain = await channel.send({ content: 'y', reply: { messageReference: '1', failIfNotExists: false } });
    expect(plain.reference).toBeNull();
  });

  it('GIVEN an interaction reply and follow-up fetched THEN they carry interaction_metadata naming the interaction and the user', async () => {
    await client.application!.commands.create({ name: 'meta', description: 'Meta' }, guildId);
    client.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'meta') return;
      await interaction.reply('first');
      await interaction.followUp('second');
    });
    const call = emulator.invokeSlashCommand({ guildId, channelId, userId: 'alice', name: 'meta' });
    const reply = await call.reply();
    const followUp = await call.followUp(0);
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isTextBased()) throw new Error('not text');
    const fetched = await channel.messages.fetch({ message: reply.id, force: true });
    expect(fetched.interactionMetadata).toMatchObject({ id: call.id, type: 2 });
    expect(fetched.interactionMetadata?.user.username).toBe('alice');
    const fetchedFollowUp = await channel.messages.fetch({ message: followUp.id, force: true });
    expect(fetchedFollowUp.interactionMetadata).toMatchObject({ id: call.id, originalResponseMessageId: reply.id });
  });

  it('GIVEN a route the emulator does not implement THEN Discord 404 JSON, one warning naming method and route, AND unimplementedRequests lists it once', async () => {
    const before = warnings.length;
    for (let index = 0; index < 2; index++) {
      const error = await client.rest.get(`/guilds/${guildId}/emojis`).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 404, code: 0, message: '404: Not Found' });
    }
    expect(warnings.slice(before)).toEqual([expect.stringContaining('GET /guilds/{id}/emojis')]);
    expect(emulator.unimplementedRequests).toEqual([expect.objectContaining({ method: 'GET', route: '/guilds/{id}/emojis' })]);
  });
});
