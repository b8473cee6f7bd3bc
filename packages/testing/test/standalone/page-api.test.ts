import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneEmulator, type StandaloneEmulator } from '../../src/standalone/index.js';

describe('Standalone emulator page API', () => {
  let standalone: StandaloneEmulator;
  let guildId: string;
  let channelId: string;
  let aliceId: string;
  const post = (path: string, body: unknown, contentType = 'application/json') =>
    fetch(new URL(path, standalone.urls.page), { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify(body) });

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
    expect(demo.members.filter((member) => !member.bot).map((member) => member.username).sort()).toEqual(['alice', 'bob', 'carol', 'owner']);
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
});
