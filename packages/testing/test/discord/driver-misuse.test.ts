import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../src/index.js';
import { rawRest } from '../support/raw-rest.js';
import { seededGuild, testEmulator } from './fixtures.js';

// The emulator's own API as a test author uses it: a mistake (an unknown name, a duplicate id, a thread where
// none can be) fails at once with a coded error instead of a silently wrong world; valid calls show up on REST.

let emulator: DiscordEmulator;
let rest: ReturnType<typeof rawRest>;
let ids: { guild: string; general: string; bob: string };

beforeAll(async () => {
  emulator = await testEmulator();
  rest = rawRest(emulator);
  const seeded = seededGuild(emulator);
  ids = { guild: seeded.guild.id, general: seeded.channel('general').id, bob: seeded.user('bob').id };
});
afterAll(() => emulator.close());

const code = (code: string) => expect.objectContaining({ code });

describe('driver mistakes', () => {
  it('GIVEN unknown guilds, users, roles, channels and messages THEN each fails with its code', () => {
    expect(() => emulator.addChannel('1', { name: 'x' })).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_GUILD'));
    expect(() => emulator.addMember(ids.guild, { user: 'nobody' })).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_USER'));
    expect(() => emulator.setRolePermissions(ids.guild, 'No Such Role', 0n)).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_ROLE'));
    expect(() => emulator.sendMessage({ channelId: '1', userId: 'bob', content: 'x' })).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_CHANNEL'));
    expect(() => emulator.react('1', 'bob', '👍')).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_MESSAGE'));
    expect(() => emulator.sendMessage({ channelId: ids.general, userId: 'carol', content: 'x' })).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_MEMBER'));
  });

  it('GIVEN an id that exists THEN adding a user or guild with it is a duplicate', () => {
    expect(() => emulator.addUser({ id: ids.bob, username: 'bob2' })).toThrow(code('BL_ERR_EMULATOR_DUPLICATE'));
    expect(() => emulator.addGuild({ id: ids.guild, name: 'again', owner: 'owner' })).toThrow(code('BL_ERR_EMULATOR_DUPLICATE'));
  });

  it('GIVEN a DM channel of someone else THEN a user cannot post in it', () => {
    const dm = emulator.dmChannel('bob');
    expect(() => emulator.sendMessage({ channelId: dm.id, userId: 'alice', content: 'x' })).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_CHANNEL'));
    expect(emulator.sendDirectMessage({ userId: 'bob', content: 'hi', embeds: [{ title: 'E' }] }).embeds).toEqual([{ title: 'E' }]);
  });

  it('GIVEN threads THEN a DM or a thread cannot hold one, the starter message must exist, and only threads archive', () => {
    const dm = emulator.dmChannel('bob');
    expect(() => emulator.startThread({ channelId: dm.id, userId: 'bob', name: 't' })).toThrow(code('BL_ERR_EMULATOR_NOT_A_THREAD_PARENT'));
    const thread = emulator.startThread({ channelId: ids.general, userId: 'bob', name: 'private', private: true });
    expect(thread.type).toBe(12);
    expect(() => emulator.startThread({ channelId: thread.id, userId: 'bob', name: 'nested' })).toThrow(code('BL_ERR_EMULATOR_NOT_A_THREAD_PARENT'));
    expect(() => emulator.startThread({ channelId: ids.general, userId: 'bob', name: 't', messageId: '1' })).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_MESSAGE'));
    expect(() => emulator.archiveThread(ids.general)).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_CHANNEL'));
    expect(() => emulator.joinThread(ids.general, 'bob')).toThrow(code('BL_ERR_EMULATOR_UNKNOWN_CHANNEL'));

    // Reopening an archived thread and leaving it twice are both quiet.
    emulator.archiveThread(thread.id);
    emulator.archiveThread(thread.id, false);
    emulator.leaveThread(thread.id, 'bob');
    emulator.leaveThread(thread.id, 'bob');
    expect(thread.thread!.archived).toBe(false);
  });

  it('GIVEN a bot user and a user without email THEN the bot has the 0000 discriminator and the user no email', async () => {
    const helper = emulator.addUser({ username: 'helper', bot: true, email: null });
    expect(await rest('GET', `/users/${helper.id}`)).toMatchObject({ status: 200, body: { bot: true, discriminator: '0000' } });
    expect(helper.email).toBeNull();
  });

  it('GIVEN a guild added without the bot and with overwrites by name THEN the bot is out until it joins and overwrites resolve', async () => {
    const guild = emulator.addGuild({ name: 'Later', owner: 'owner', bot: false, roles: [{ name: 'Staff' }], members: [{ user: 'bob' }] });
    expect(await rest('GET', `/guilds/${guild.id}`)).toMatchObject({ status: 403, body: { code: 50001 } });
    const secret = emulator.addChannel(guild.id, {
      name: 'staff',
      overwrites: [
        { id: 'Staff', type: 'role', allow: 1024n },
        { id: 'bob', type: 'member', deny: 1024n },
      ],
    });
    expect(secret.overwrites.map((overwrite) => overwrite.type)).toEqual([0, 1]);
    emulator.makeBotJoin(guild.id);
    expect((await rest('GET', `/guilds/${guild.id}`)).status).toBe(200);
    emulator.removeGuild(guild.id);
    expect(await rest('GET', `/guilds/${guild.id}`)).toMatchObject({ status: 404, body: { code: 10004 } });
  });
});

describe('reactions through the driver', () => {
  it('GIVEN custom, animated and unicode emoji THEN the message carries each once per user AND removing an absent reaction is quiet', async () => {
    const { id } = emulator.sendMessage({ channelId: ids.general, userId: 'bob', content: 'react to me' });
    emulator.react(id, 'bob', '<:party:123456789012345678>');
    emulator.react(id, 'alice', 'a:dance:223456789012345678');
    emulator.react(id, 'alice', '👍');
    emulator.react(id, 'alice', '👍');
    emulator.unreact(id, 'bob', '🎉');
    const { body } = await rest('GET', `/channels/${ids.general}/messages/${id}`);
    expect(body.reactions).toEqual([
      expect.objectContaining({ count: 1, emoji: { id: '123456789012345678', name: 'party' } }),
      expect.objectContaining({ count: 1, emoji: { id: '223456789012345678', name: 'dance', animated: true } }),
      expect.objectContaining({ count: 1, emoji: { id: null, name: '👍' } }),
    ]);
    emulator.unreact(id, 'alice', '👍');
    expect((await rest('GET', `/channels/${ids.general}/messages/${id}`)).body.reactions).toHaveLength(2);
  });
});
