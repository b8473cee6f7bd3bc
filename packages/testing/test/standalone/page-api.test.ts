import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneEmulator, type StandaloneEmulator } from '../../src/standalone/index.js';

describe('Standalone emulator page API', () => {
  let standalone: StandaloneEmulator;
  let guildId: string;
  let channelId: string;
  let aliceId: string;
  const post = (path: string, body: unknown, contentType = 'application/json') =>
    fetch(new URL(path, standalone.urls.page), { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify(body) });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(path, standalone.urls.page), {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    standalone = await startStandaloneEmulator();
    const guild = [...standalone.emulator.state.guilds.values()].find((candidate) => candidate.name === 'Baseline Demo')!;
    guildId = guild.id;
    channelId = [...guild.channels.values()].find((channel) => channel.name === 'general')!.id;
    aliceId = [...standalone.emulator.state.users.values()].find((user) => user.username === 'alice')!.id;
  });

  afterAll(() => standalone.close());

  it('GIVEN the demo seed THEN the state lists both guilds with their channels, members and no commands yet', async () => {
    const state = (await fetch(new URL('/api/state', standalone.urls.page)).then((response) => response.json())) as {
      application: { id: string };
      guilds: { name: string; channels: { name: string }[]; members: { username: string; bot: boolean }[]; commands: unknown[] }[];
    };
    expect(state.application.id).toBe(standalone.applicationId);
    expect(state.guilds.map((guild) => guild.name)).toEqual(['Baseline Demo', 'Side Project']);
    const demo = state.guilds[0]!;
    expect(demo.channels.map((channel) => channel.name)).toEqual(['Text', 'general', 'bot-commands', 'staff', 'Lounge']);
    expect(
      demo.members
        .filter((member) => !member.bot)
        .map((member) => member.username)
        .sort(),
    ).toEqual(['alice', 'bob', 'carol', 'owner']);
    expect(demo.commands).toEqual([]);
  });

  it('GIVEN a message posted as a user THEN it is stored as theirs and listed for the channel', async () => {
    const response = await post('/api/message', { channelId, userId: aliceId, content: 'hello there' });
    expect(response.status).toBe(200);
    const { messages } = (await fetch(new URL(`/api/messages?channel=${channelId}&user=${aliceId}`, standalone.urls.page)).then((r) => r.json())) as {
      messages: { content: string; authorName: string; ephemeral: boolean }[];
    };
    expect(messages.at(-1)).toMatchObject({ content: 'hello there', authorName: 'Alice', ephemeral: false });
    expect(standalone.emulator.messages(channelId).at(-1)?.authorId).toBe(aliceId);
  });

  it('GIVEN a command the bot never registered THEN invoking it answers 400 with the emulator error code', async () => {
    const response = await post('/api/invoke', { guildId, channelId, userId: aliceId, name: 'nope' });
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toMatchObject({ code: 'BL_ERR_EMULATOR_UNKNOWN_COMMAND' });
  });

  it('GIVEN a POST that is not JSON (as a cross-site form would send) THEN it is refused and nothing is posted', async () => {
    const before = standalone.emulator.messages(channelId).length;
    const response = await post('/api/message', { channelId, userId: aliceId, content: 'forged' }, 'text/plain');
    expect(response.status).toBe(400);
    expect(standalone.emulator.messages(channelId)).toHaveLength(before);
  });

  it('GIVEN a new user created and joined through the control API THEN the member has the roles, a new nickname AND leaves again', async () => {
    const user = await call('POST', '/api/users', { username: 'dave', globalName: 'Dave' });
    expect(user).toMatchObject({ status: 200, body: { username: 'dave' } });
    const joined = await call('POST', '/api/members', { guildId, userId: 'dave', roles: ['Mod'] });
    const modId = [...standalone.emulator.state.guilds.get(guildId)!.roles.values()].find((role) => role.name === 'Mod')!.id;
    expect(joined).toMatchObject({ status: 200, body: { member: { username: 'dave', displayName: 'Dave', roles: [modId] } } });
    const renamed = await call('PATCH', '/api/members', { guildId, userId: 'dave', nick: 'D', roles: [] });
    expect(renamed.body).toMatchObject({ member: { nick: 'D', displayName: 'D', roles: [] } });
    expect(standalone.emulator.state.guilds.get(guildId)!.members.get(user.body['id'] as string)?.nick).toBe('D');
    expect(await call('DELETE', `/api/members?guildId=${guildId}&userId=dave`)).toEqual({ status: 200, body: { ok: true } });
    expect(standalone.emulator.state.guilds.get(guildId)!.members.has(user.body['id'] as string)).toBe(false);
    const again = await call('DELETE', `/api/members?guildId=${guildId}&userId=dave`);
    expect(again).toMatchObject({ status: 400, body: { code: 'BL_ERR_EMULATOR_UNKNOWN_MEMBER' } });
  });

  it('GIVEN reactions, a reply, a DM, typing and a thread through the control API THEN the emulator state and /api/messages show them', async () => {
    const { body: posted } = await call('POST', '/api/message', { channelId, userId: 'alice', content: 'react to me' });
    const messageId = posted['messageId'] as string;
    expect(await call('POST', '/api/reactions', { messageId, userId: 'bob', emoji: '👍' })).toEqual({ status: 200, body: { ok: true } });
    const { body: reply } = await call('POST', '/api/message', { channelId, userId: 'bob', content: 'agreed', replyTo: messageId });
    const { body: listed } = await call('GET', `/api/messages?channel=${channelId}&user=${aliceId}`);
    const messages = listed['messages'] as { id: string; reactions: unknown[]; replyTo: string | null }[];
    expect(messages.find((message) => message.id === messageId)?.reactions).toEqual([{ emoji: '👍', count: 1, userIds: [expect.any(String)] }]);
    expect(messages.find((message) => message.id === reply['messageId'])?.replyTo).toBe(messageId);
    expect((await call('DELETE', `/api/reactions?messageId=${messageId}&userId=bob&emoji=${encodeURIComponent('👍')}`)).status).toBe(200);
    expect(standalone.emulator.messages(channelId).find((message) => message.id === messageId)?.reactions).toEqual([]);

    const { body: dm } = await call('POST', '/api/dm', { userId: 'alice', content: 'hi bot' });
    expect(dm['channelId']).toBe(standalone.emulator.dmChannel('alice').id);
    expect(await call('POST', '/api/dm-channel', { userId: 'alice' })).toEqual({ status: 200, body: { channelId: dm['channelId'] } });
    expect((await call('POST', '/api/typing', { channelId, userId: 'alice' })).status).toBe(200);

    const { body: thread } = await call('POST', '/api/threads', { channelId, userId: 'alice', name: 'side talk', messageId });
    expect(thread['threadId']).toBe(messageId);
    expect((await call('POST', '/api/threads/members', { threadId: messageId, userId: 'bob' })).status).toBe(200);
    const state = (await call('GET', '/api/state')).body as { guilds: { id: string; threads: { id: string; name: string }[] }[]; dms: { userId: string }[] };
    expect(state.guilds.find((guild) => guild.id === guildId)?.threads).toEqual([
      expect.objectContaining({ id: messageId, name: 'side talk', parentId: channelId }),
    ]);
    expect(state.dms).toEqual([{ channelId: dm['channelId'], userId: aliceId }]);
    expect(await call('GET', '/api/unimplemented')).toEqual({ status: 200, body: { requests: [] } });
  });

  it('GIVEN a control request missing a field THEN 400 names the field with a coded error', async () => {
    expect(await call('POST', '/api/reactions', { messageId: '1', userId: 'alice' })).toEqual({
      status: 400,
      body: { error: '"emoji" must be a non-empty string', code: 'BL_ERR_EMULATOR_BAD_CONTROL_REQUEST' },
    });
  });

  it('GIVEN a control body with a value of the wrong kind THEN 400 names the field and what it must be, and no interaction starts', async () => {
    const before = standalone.emulator.interactions().length;
    const menu = { guildId, channelId, userId: aliceId, name: 'Inspect', targetId: aliceId };
    expect(await call('POST', '/api/context-menu', { ...menu, type: 'channel' })).toEqual({
      status: 400,
      body: { error: '"type" must be "user" or "message"', code: 'BL_ERR_EMULATOR_BAD_CONTROL_REQUEST' },
    });
    expect(await call('POST', '/api/members', { guildId, userId: aliceId, roles: 'Mod' })).toEqual({
      status: 400,
      body: { error: '"roles" must be an array of strings', code: 'BL_ERR_EMULATOR_BAD_CONTROL_REQUEST' },
    });
    expect(standalone.emulator.interactions()).toHaveLength(before);
  });

  it('GIVEN a control body over 64 KiB THEN 400 says it is too large and nothing is posted', async () => {
    const before = standalone.emulator.messages(channelId).length;
    expect(await call('POST', '/api/message', { channelId, userId: aliceId, content: 'x'.repeat(70_000) })).toEqual({
      status: 400,
      body: { error: 'body too large', code: 'BL_ERR_EMULATOR_BAD_CONTROL_REQUEST' },
    });
    expect(standalone.emulator.messages(channelId)).toHaveLength(before);
  });
});
