import { PermissionFlagsBits as P } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../src/index.js';
import { rawRest } from '../support/raw-rest.js';
import { seededGuild, testEmulator } from './fixtures.js';

// The REST edges a bot library rarely sends: wrong field types, unknown ids, missing permissions. Each answer
// must carry Discord's status and JSON error code, so a bot's error handling can be tested against the emulator.

let emulator: DiscordEmulator;
let rest: ReturnType<typeof rawRest>;
let guildId: string;
let generalId: string;
let ids: { alice: string; bob: string; carol: string; mod: string };

/** The bot role's permissions: view, send and read history plus `extra`. */
function botCan(...extra: bigint[]) {
  const base = P.ViewChannel | P.SendMessages | P.ReadMessageHistory;
  emulator.setRolePermissions(
    guildId,
    emulator.botRole(guildId)!.id,
    extra.reduce((all, bit) => all | bit, base),
  );
}

const error = (status: number, code: number) => ({ status, body: expect.objectContaining({ code }) });

beforeAll(async () => {
  emulator = await testEmulator();
  rest = rawRest(emulator);
  const seeded = seededGuild(emulator);
  guildId = seeded.guild.id;
  generalId = seeded.channel('general').id;
  const mod = [...seeded.guild.roles.values()].find((role) => role.name === 'Mod')!;
  ids = { alice: seeded.user('alice').id, bob: seeded.user('bob').id, carol: seeded.user('carol').id, mod: mod.id };
});
afterAll(() => emulator.close());
beforeEach(() => botCan());

describe('members', () => {
  it('GIVEN a nick edit THEN the length is checked before the permission AND an empty nick clears it', async () => {
    expect((await rest('PATCH', `/guilds/${guildId}/members/${ids.bob}`, { nick: 'x'.repeat(33) })).body).toMatchObject({
      code: 50035,
      errors: { nick: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 32 or fewer in length.' }] } },
    });
    expect(await rest('PATCH', `/guilds/${guildId}/members/${ids.bob}`, { nick: 'Bob2' })).toMatchObject(error(403, 50013));
    botCan(P.ManageNicknames);
    expect(await rest('PATCH', `/guilds/${guildId}/members/${ids.bob}`, { nick: '' })).toMatchObject({ status: 200, body: { nick: null } });
    expect(await rest('PATCH', `/guilds/${guildId}/members/@me`, { nick: 'Botty' })).toMatchObject(error(403, 50013));
    botCan(P.ChangeNickname);
    expect(await rest('PATCH', `/guilds/${guildId}/members/@me`, { nick: 'Botty' })).toMatchObject({ status: 200, body: { nick: 'Botty' } });
  });

  it('GIVEN a timeout THEN it needs MODERATE_MEMBERS and a string or null', async () => {
    const until = new Date(Date.now() + 60_000).toISOString();
    expect(await rest('PATCH', `/guilds/${guildId}/members/${ids.bob}`, { communication_disabled_until: 5 })).toMatchObject(error(400, 50035));
    expect(await rest('PATCH', `/guilds/${guildId}/members/${ids.bob}`, { communication_disabled_until: until })).toMatchObject(error(403, 50013));
    botCan(P.ModerateMembers);
    expect(await rest('PATCH', `/guilds/${guildId}/members/${ids.bob}`, { communication_disabled_until: until })).toMatchObject({
      status: 200,
      body: { communication_disabled_until: until },
    });
    expect(await rest('PATCH', `/guilds/${guildId}/members/${ids.bob}`, { communication_disabled_until: null })).toMatchObject({
      status: 200,
      body: { communication_disabled_until: null },
    });
  });

  it('GIVEN role changes THEN bad lists, unknown roles and members are refused AND an unchanged list writes no audit entry', async () => {
    const path = `/guilds/${guildId}/members/${ids.bob}`;
    expect(await rest('PATCH', path, { roles: 'Mod' })).toMatchObject(error(400, 50035));
    expect(await rest('PATCH', path, { roles: [ids.mod] })).toMatchObject(error(403, 50013));
    botCan(P.ManageRoles, P.ViewAuditLog);
    expect(await rest('PATCH', path, { roles: ['1'] })).toMatchObject(error(404, 10011));
    expect(await rest('PUT', `${path}/roles/1`)).toMatchObject(error(404, 10011));
    expect(await rest('DELETE', `${path}/roles/1`)).toMatchObject(error(404, 10011));
    expect(await rest('PUT', `/guilds/${guildId}/members/${ids.carol}/roles/${ids.mod}`)).toMatchObject(error(404, 10007));

    const audit = async () =>
      (await rest('GET', `/guilds/${guildId}/audit-logs?action_type=25&user_id=${emulator.state.botUserId}`)).body.audit_log_entries.length;
    const before = await audit();
    expect(await rest('PUT', `${path}/roles/${ids.mod}`)).toMatchObject({ status: 204 });
    expect(await rest('PUT', `${path}/roles/${ids.mod}`)).toMatchObject({ status: 204 });
    expect(await rest('PATCH', path, { roles: [ids.mod] })).toMatchObject({ status: 200, body: { roles: [ids.mod] } });
    expect(await audit()).toBe(before + 1);
    expect(await rest('DELETE', `${path}/roles/${ids.mod}`)).toMatchObject({ status: 204 });
    const [removal] = (await rest('GET', `/guilds/${guildId}/audit-logs?action_type=25&limit=1`)).body.audit_log_entries;
    expect(removal.changes).toEqual([{ key: '$remove', new_value: [{ id: ids.mod, name: 'Mod' }] }]);
  });

  it('GIVEN bans THEN unknown users and bans answer their codes AND a ban round trip is listed', async () => {
    expect(await rest('GET', `/guilds/${guildId}/bans`)).toMatchObject(error(403, 50013));
    botCan(P.BanMembers);
    expect(await rest('PUT', `/guilds/${guildId}/bans/1`)).toMatchObject(error(404, 10013));
    expect(await rest('GET', `/guilds/${guildId}/bans/${ids.carol}`)).toMatchObject(error(404, 10026));
    expect(await rest('DELETE', `/guilds/${guildId}/bans/${ids.carol}`)).toMatchObject(error(404, 10026));
    expect(await rest('PUT', `/guilds/${guildId}/bans/${ids.carol}`, {}, { 'x-audit-log-reason': 'spam' })).toMatchObject({ status: 204 });
    expect(await rest('GET', `/guilds/${guildId}/bans/${ids.carol}`)).toMatchObject({ status: 200, body: { reason: 'spam', user: { id: ids.carol } } });
    expect((await rest('GET', `/guilds/${guildId}/bans`)).body).toEqual([expect.objectContaining({ user: expect.objectContaining({ username: 'carol' }) })]);
    expect(await rest('DELETE', `/guilds/${guildId}/bans/${ids.carol}`)).toMatchObject({ status: 204 });
  });

  it('GIVEN a kick THEN it needs KICK_MEMBERS and an existing member', async () => {
    const dave = emulator.addUser({ username: 'dave' });
    emulator.addMember(guildId, { user: dave.id });
    expect(await rest('DELETE', `/guilds/${guildId}/members/${dave.id}`)).toMatchObject(error(403, 50013));
    botCan(P.KickMembers);
    expect(await rest('DELETE', `/guilds/${guildId}/members/${dave.id}`)).toMatchObject({ status: 204 });
    expect(await rest('DELETE', `/guilds/${guildId}/members/${dave.id}`)).toMatchObject(error(404, 10007));
    expect(await rest('GET', `/guilds/${guildId}/members/${dave.id}`)).toMatchObject(error(404, 10007));
  });
});

describe('guild reads', () => {
  it('GIVEN a member search THEN the query is required and names and nicks match by prefix up to the limit', async () => {
    expect(await rest('GET', `/guilds/${guildId}/members/search`)).toMatchObject(error(400, 50035));
    emulator.updateMember(guildId, ids.bob, { nick: 'Bobby' });
    expect((await rest('GET', `/guilds/${guildId}/members/search?query=BOBB&limit=5`)).body).toEqual([expect.objectContaining({ nick: 'Bobby' })]);
    expect((await rest('GET', `/guilds/${guildId}/members/search?query=ali&limit=5`)).body).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ username: 'alice' }) }),
    ]);
    expect((await rest('GET', `/guilds/${guildId}/members/search?query=&limit=2`)).body).toHaveLength(2);
    expect(await rest('GET', `/guilds/${guildId}/members/search?query=a&limit=x`)).toMatchObject(error(400, 50035));
  });

  it('GIVEN counts asked for THEN the guild carries approximate counts', async () => {
    expect((await rest('GET', `/guilds/${guildId}?with_counts=true`)).body).toMatchObject({
      approximate_member_count: expect.any(Number),
      approximate_presence_count: 0,
    });
    expect((await rest('GET', `/guilds/${guildId}`)).body).not.toHaveProperty('approximate_presence_count');
    expect(await rest('GET', '/guilds/1')).toMatchObject(error(404, 10004));
  });

  it('GIVEN audit log paging THEN before and after select entries AND after pages forward, oldest first', async () => {
    botCan(P.BanMembers, P.ViewAuditLog);
    for (const reason of ['one', 'two', 'three']) {
      await rest('PUT', `/guilds/${guildId}/bans/${ids.carol}`, {}, { 'x-audit-log-reason': reason });
      await rest('DELETE', `/guilds/${guildId}/bans/${ids.carol}`);
    }
    const bans = (await rest('GET', `/guilds/${guildId}/audit-logs?action_type=22`)).body.audit_log_entries as Array<{ id: string; reason: string }>;
    expect(bans.slice(0, 3).map((entry) => entry.reason)).toEqual(['three', 'two', 'one']);
    const [three, two, one] = bans;
    const forward = (await rest('GET', `/guilds/${guildId}/audit-logs?action_type=22&after=${one!.id}`)).body.audit_log_entries;
    expect(forward.map((entry: { reason: string }) => entry.reason)).toEqual(['two', 'three']);
    const back = (await rest('GET', `/guilds/${guildId}/audit-logs?action_type=22&before=${three!.id}&limit=1`)).body;
    expect(back.audit_log_entries.map((entry: { id: string }) => entry.id)).toEqual([two!.id]);
    expect(back.users.map((user: { id: string }) => user.id)).toEqual(expect.arrayContaining([ids.carol]));
  });
});

describe('messages', () => {
  it('GIVEN an empty message THEN 50006 AND components alone are enough', async () => {
    expect(await rest('POST', `/channels/${generalId}/messages`, {})).toMatchObject(error(400, 50006));
    const sent = await rest('POST', `/channels/${generalId}/messages`, { components: [], flags: 4 | 64 });
    expect(sent).toMatchObject({ status: 200, body: { content: '', flags: 4 } });
  });

  it('GIVEN a reply reference THEN an unknown message fails unless fail_if_not_exists is false, and a forward is not a reply', async () => {
    const reply = { content: 're', message_reference: { message_id: '1' } };
    expect(await rest('POST', `/channels/${generalId}/messages`, reply)).toMatchObject(error(400, 50035));
    const plain = await rest('POST', `/channels/${generalId}/messages`, { ...reply, message_reference: { message_id: '1', fail_if_not_exists: false } });
    expect(plain.body.message_reference).toBeUndefined();
    const forward = await rest('POST', `/channels/${generalId}/messages`, {
      content: 'fw',
      message_reference: { type: 1, message_id: '1', channel_id: generalId },
    });
    expect(forward).toMatchObject({ status: 200, body: { content: 'fw' } });
  });

  it('GIVEN edits and deletes THEN others’ messages need MANAGE_MESSAGES to delete and cannot be edited', async () => {
    const { id: userMessage } = emulator.sendMessage({ channelId: generalId, userId: ids.bob, content: 'from bob' });
    expect(await rest('PATCH', `/channels/${generalId}/messages/${userMessage}`, { content: 'x' })).toMatchObject(error(403, 50013));
    expect(await rest('PATCH', `/channels/${generalId}/messages/1`, { content: 'x' })).toMatchObject(error(404, 10008));
    expect(await rest('DELETE', `/channels/${generalId}/messages/${userMessage}`)).toMatchObject(error(403, 50013));
    expect(await rest('DELETE', `/channels/${generalId}/messages/1`)).toMatchObject(error(404, 10008));
    botCan(P.ManageMessages);
    expect(await rest('DELETE', `/channels/${generalId}/messages/${userMessage}`)).toMatchObject({ status: 204 });

    const mine = (await rest('POST', `/channels/${generalId}/messages`, { content: 'v1' })).body.id;
    const edited = await rest('PATCH', `/channels/${generalId}/messages/${mine}`, { embeds: [{ title: 'E' }], components: [] });
    expect(edited).toMatchObject({ status: 200, body: { content: 'v1', embeds: [{ title: 'E' }] } });
    expect(await rest('GET', `/channels/${generalId}/messages/1`)).toMatchObject(error(404, 10008));
  });

  it('GIVEN message paging THEN after pages forward and before pages back, newest first', async () => {
    const channel = emulator.addChannel(guildId, { name: 'paging' });
    const sent: string[] = [];
    for (const content of ['a', 'b', 'c', 'd']) sent.push((await rest('POST', `/channels/${channel.id}/messages`, { content })).body.id);
    const contents = (query: string) =>
      rest('GET', `/channels/${channel.id}/messages?${query}`).then(({ body }) => body.map((message: { content: string }) => message.content));
    expect(await contents(`after=${sent[0]}&limit=2`)).toEqual(['c', 'b']);
    expect(await contents(`before=${sent[3]}&limit=2`)).toEqual(['c', 'b']);
    expect(await contents('limit=10')).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('channels', () => {
  it('GIVEN channel creation THEN name, type and parent are checked AND overwrites and topic are stored', async () => {
    expect(await rest('POST', `/guilds/${guildId}/channels`, { name: 'x' })).toMatchObject(error(403, 50013));
    botCan(P.ManageChannels, P.ManageRoles);
    expect(await rest('POST', `/guilds/${guildId}/channels`, {})).toMatchObject(error(400, 50035));
    expect(await rest('POST', `/guilds/${guildId}/channels`, { name: 'x', type: 1 })).toMatchObject(error(400, 50035));
    expect(await rest('POST', `/guilds/${guildId}/channels`, { name: 'x', parent_id: generalId })).toMatchObject(error(400, 50035));
    expect(await rest('POST', `/guilds/${guildId}/channels`, { name: 'x', permission_overwrites: 'none' })).toMatchObject(error(400, 50035));
    expect(await rest('POST', `/guilds/${guildId}/channels`, { name: 'x', permission_overwrites: [{ id: ids.bob, type: 3 }] })).toMatchObject(
      error(400, 50035),
    );

    // The errors tree names the bad field with Discord's code, down to the list entry.
    expect((await rest('POST', `/guilds/${guildId}/channels`, { name: 'x', type: 1 })).body.errors).toEqual({
      type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {0, 2, 4, 5, 13, 15, 16}.' }] },
    });
    expect(
      (await rest('POST', `/guilds/${guildId}/channels`, { name: 'x', permission_overwrites: [{ id: ids.bob, type: 1, allow: 'all' }] })).body.errors,
    ).toEqual({
      permission_overwrites: { 0: { allow: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Value "all" is not snowflake.' }] } } },
    });

    const category = (await rest('POST', `/guilds/${guildId}/channels`, { name: 'Area', type: 4 })).body;
    const created = await rest('POST', `/guilds/${guildId}/channels`, {
      name: 'private',
      parent_id: category.id,
      topic: 'hush',
      position: 3,
      permission_overwrites: [
        { id: guildId, type: 0, deny: String(P.ViewChannel) },
        { id: ids.bob, type: 1, allow: String(P.ViewChannel) },
      ],
    });
    expect(created).toMatchObject({ status: 201, body: { parent_id: category.id, topic: 'hush', type: 0 } });
    expect(created.body.permission_overwrites).toHaveLength(2);
  });

  it('GIVEN channel edits THEN each field is applied and audited, and overwrites need MANAGE_ROLES', async () => {
    botCan(P.ManageChannels, P.ViewAuditLog);
    const channel = (await rest('POST', `/guilds/${guildId}/channels`, { name: 'edit-me', topic: 'old' })).body;
    const edited = await rest(
      'PATCH',
      `/channels/${channel.id}`,
      { name: 'edited', topic: null, nsfw: true, position: 7, parent_id: null },
      { 'x-audit-log-reason': 'tidy' },
    );
    expect(edited).toMatchObject({ status: 200, body: { name: 'edited', topic: null, nsfw: true, position: 7 } });
    const [entry] = (await rest('GET', `/guilds/${guildId}/audit-logs?action_type=11&limit=1`)).body.audit_log_entries;
    expect(entry).toMatchObject({
      reason: 'tidy',
      changes: expect.arrayContaining([
        { key: 'topic', old_value: 'old' },
        { key: 'name', old_value: 'edit-me', new_value: 'edited' },
      ]),
    });
    expect(await rest('PATCH', `/channels/${channel.id}`, { permission_overwrites: [] })).toMatchObject(error(403, 50013));
    expect(await rest('DELETE', `/channels/${channel.id}`)).toMatchObject({ status: 200, body: { id: channel.id } });
    expect(await rest('GET', `/channels/${channel.id}`)).toMatchObject(error(404, 10003));
  });

  it('GIVEN a DM channel THEN it cannot be edited and deleting it closes it', async () => {
    const dm = (await rest('POST', '/users/@me/channels', { recipient_id: ids.bob })).body;
    expect(await rest('PATCH', `/channels/${dm.id}`, { name: 'x' })).toMatchObject(error(403, 50013));
    expect(await rest('DELETE', `/channels/${dm.id}`)).toMatchObject({ status: 200, body: { id: dm.id, type: 1 } });
    expect(await rest('POST', '/users/@me/channels', {})).toMatchObject(error(400, 50035));
    expect(await rest('POST', '/users/@me/channels', { recipient_id: '1' })).toMatchObject(error(404, 10013));
    expect(await rest('POST', '/users/@me/channels', { recipient_id: emulator.state.botUserId })).toMatchObject(error(403, 50007));
    expect(await rest('GET', '/users/1')).toMatchObject(error(404, 10013));
  });
});

describe('threads', () => {
  it('GIVEN thread creation THEN name, type, duration and the parent are checked AND private threads need their own permission', async () => {
    const path = `/channels/${generalId}/threads`;
    expect(await rest('POST', path, { name: 't' })).toMatchObject(error(403, 50013));
    botCan(P.CreatePrivateThreads, P.CreatePublicThreads);
    expect(await rest('POST', path, { name: '' })).toMatchObject(error(400, 50035));
    expect(await rest('POST', path, { name: 't', type: 0 })).toMatchObject(error(400, 50035));
    expect((await rest('POST', path, { name: 't', auto_archive_duration: 5 })).body).toMatchObject({
      code: 50035,
      errors: { auto_archive_duration: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {60, 1440, 4320, 10080}.' }] } },
    });
    const category = emulator.addChannel(guildId, { name: 'cat', type: 4 });
    expect(await rest('POST', `/channels/${category.id}/threads`, { name: 't' })).toMatchObject(error(400, 50035));
    const secret = await rest('POST', path, { name: 'secret', auto_archive_duration: 60, invitable: false });
    expect(secret).toMatchObject({
      status: 201,
      body: { type: 12, thread_metadata: expect.objectContaining({ auto_archive_duration: 60, invitable: false }) },
    });
    expect(await rest('POST', path, { name: 'open', type: 11, auto_archive_duration: null })).toMatchObject({ status: 201, body: { type: 11 } });
  });

  it('GIVEN a forum THEN a post needs a starter message, which is stored in the new thread', async () => {
    botCan(P.CreatePublicThreads, P.SendMessagesInThreads);
    const forum = emulator.addChannel(guildId, { name: 'forum', type: 15 });
    expect(await rest('POST', `/channels/${forum.id}/threads`, { name: 'post' })).toMatchObject(error(400, 50035));
    const post = await rest('POST', `/channels/${forum.id}/threads`, { name: 'post', message: { content: 'hello', embeds: [{ title: 'T' }], components: [] } });
    expect(post).toMatchObject({ status: 201, body: { type: 11, message: { content: 'hello', embeds: [{ title: 'T' }] } } });
    expect(emulator.messages(post.body.id).map((message) => message.content)).toEqual(['hello']);
  });

  it('GIVEN a thread from a message in an announcement channel THEN it is an announcement thread, and a second one is refused', async () => {
    botCan(P.CreatePublicThreads);
    const news = emulator.addChannel(guildId, { name: 'news', type: 5 });
    const { id: messageId } = emulator.sendMessage({ channelId: news.id, userId: ids.alice, content: 'news' });
    const thread = await rest('POST', `/channels/${news.id}/messages/${messageId}/threads`, { name: 'discuss', auto_archive_duration: 1440 });
    expect(thread).toMatchObject({ status: 201, body: { type: 10, thread_metadata: expect.objectContaining({ auto_archive_duration: 1440 }) } });
    expect(await rest('POST', `/channels/${news.id}/messages/${messageId}/threads`, { name: 'again' })).toMatchObject(error(400, 160004));
    expect(await rest('POST', `/channels/${news.id}/messages/1/threads`, { name: 'x' })).toMatchObject(error(404, 10008));
  });

  it('GIVEN thread members THEN joins need a member and an open thread, reads name unknown members, and removing others needs MANAGE_THREADS', async () => {
    botCan(P.CreatePublicThreads, P.SendMessagesInThreads);
    const thread = (await rest('POST', `/channels/${generalId}/threads`, { name: 'members', type: 11 })).body;
    expect(await rest('PUT', `/channels/${generalId}/thread-members/@me`)).toMatchObject(error(404, 10003));
    expect(await rest('PUT', `/channels/${thread.id}/thread-members/${ids.carol}`)).toMatchObject(error(404, 10007));
    expect(await rest('PUT', `/channels/${thread.id}/thread-members/${ids.bob}`)).toMatchObject({ status: 204 });
    expect(await rest('GET', `/channels/${thread.id}/thread-members/${ids.bob}`)).toMatchObject({ status: 200, body: { user_id: ids.bob } });
    expect(await rest('GET', `/channels/${thread.id}/thread-members/${ids.alice}`)).toMatchObject(error(404, 10007));
    expect((await rest('GET', `/channels/${thread.id}/thread-members`)).body.map((member: { user_id: string }) => member.user_id)).toContain(ids.bob);

    // The bot owns this thread, so it may remove others; in a user's thread it needs MANAGE_THREADS.
    expect(await rest('DELETE', `/channels/${thread.id}/thread-members/${ids.bob}`)).toMatchObject({ status: 204 });
    const theirs = emulator.startThread({ channelId: generalId, userId: ids.alice, name: 'theirs' });
    emulator.joinThread(theirs.id, ids.bob);
    expect(await rest('DELETE', `/channels/${theirs.id}/thread-members/${ids.bob}`)).toMatchObject(error(403, 50013));
    expect(await rest('DELETE', `/channels/${theirs.id}/thread-members/@me`)).toMatchObject({ status: 204 });

    emulator.archiveThread(theirs.id);
    expect(await rest('PUT', `/channels/${theirs.id}/thread-members/@me`)).toMatchObject(error(400, 50083));
    const archived = await rest('GET', `/channels/${generalId}/threads/archived/public`);
    expect(archived.body.threads.map((entry: { id: string }) => entry.id)).toContain(theirs.id);
  });

  it('GIVEN thread edits THEN the owner renames and archives its own AND locking or editing others needs MANAGE_THREADS', async () => {
    botCan(P.CreatePublicThreads);
    const mine = (await rest('POST', `/channels/${generalId}/threads`, { name: 'mine', type: 11 })).body;
    expect(await rest('PATCH', `/channels/${mine.id}`, { name: 'renamed', archived: true, auto_archive_duration: 4320 })).toMatchObject({
      status: 200,
      body: { name: 'renamed', thread_metadata: expect.objectContaining({ archived: true, auto_archive_duration: 4320 }) },
    });
    expect(await rest('PATCH', `/channels/${mine.id}`, { locked: true })).toMatchObject(error(403, 50013));
    const theirs = emulator.startThread({ channelId: generalId, userId: ids.alice, name: 'theirs-2' });
    expect(await rest('PATCH', `/channels/${theirs.id}`, { name: 'mine now' })).toMatchObject(error(403, 50013));
    expect(await rest('DELETE', `/channels/${theirs.id}`)).toMatchObject(error(403, 50013));
    botCan(P.ManageThreads);
    expect(await rest('PATCH', `/channels/${theirs.id}`, { locked: true })).toMatchObject({
      status: 200,
      body: { thread_metadata: expect.objectContaining({ locked: true }) },
    });
    expect(await rest('DELETE', `/channels/${theirs.id}`)).toMatchObject({ status: 200, body: { id: theirs.id } });
  });
});

describe('roles', () => {
  it('GIVEN role bodies Discord rejects THEN 50035 names the field AND a role edit records only what changed', async () => {
    botCan(P.ManageRoles, P.ViewAuditLog);
    const roles = `/guilds/${guildId}/roles`;
    expect((await rest('POST', roles, { name: 'x', permissions: '8x' })).body).toMatchObject({
      code: 50035,
      errors: { permissions: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Value "8x" is not snowflake.' }] } },
    });
    expect((await rest('POST', roles, { name: 'x'.repeat(101) })).body).toMatchObject({
      code: 50035,
      errors: { name: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }] } },
    });

    const created = await rest('POST', roles, { name: 'Helpers', permissions: String(P.ViewChannel), color: null });
    expect(created).toMatchObject({ status: 200, body: { name: 'Helpers', permissions: String(P.ViewChannel), color: 0 } });
    expect(await rest('PATCH', `${roles}/${created.body.id}`, { name: 'Helpers', hoist: true })).toMatchObject({ status: 200, body: { hoist: true } });
    const [update] = (await rest('GET', `/guilds/${guildId}/audit-logs?action_type=31&limit=1`)).body.audit_log_entries;
    expect(update.changes).toEqual([{ key: 'hoist', old_value: false, new_value: true }]);
  });
});
