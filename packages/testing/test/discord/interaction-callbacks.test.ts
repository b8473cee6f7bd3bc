import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../src/index.js';
import { rawRest } from '../support/raw-rest.js';
import { seededGuild, testEmulator } from './fixtures.js';

// Interactions as a bot sees them on the wire: the options and resolved data of INTERACTION_CREATE, and the
// callback rules (token, type per interaction kind, one response only) answered raw, without discord.js.

let emulator: DiscordEmulator;
let rest: ReturnType<typeof rawRest>;
let ids: { guild: string; general: string; bob: string; mod: string };

beforeAll(async () => {
  emulator = await testEmulator();
  rest = rawRest(emulator);
  const seeded = seededGuild(emulator);
  ids = {
    guild: seeded.guild.id,
    general: seeded.channel('general').id,
    bob: seeded.user('bob').id,
    mod: [...seeded.guild.roles.values()].find((role) => role.name === 'Mod')!.id,
  };
  const commands = [
    {
      name: 'inspect',
      description: 'Looks things up',
      options: [
        { type: 6, name: 'user', description: 'u' },
        { type: 8, name: 'role', description: 'r' },
        { type: 7, name: 'channel', description: 'c' },
        { type: 9, name: 'anything', description: 'm' },
        { type: 9, name: 'nobody', description: 'm' },
      ],
    },
    // Declares no leaf options, so the values a test sends keep the types inferred from them.
    {
      name: 'free',
      description: 'Anything goes',
      options: [{ type: 2, name: 'config', description: 'g', options: [{ type: 1, name: 'set', description: 's' }] }],
    },
  ];
  expect((await rest('PUT', `/applications/${emulator.applicationId}/guilds/${ids.guild}/commands`, commands)).status).toBe(200);
});
afterAll(() => emulator.close());

const callback = (handle: { id: string; token: string }, body: unknown, query = '') =>
  rest('POST', `/interactions/${handle.id}/${handle.token}/callback${query}`, body);
const dataOf = (handle: { payload: Record<string, unknown> }) =>
  handle.payload['data'] as { options: Array<Record<string, unknown>>; resolved?: Record<string, Record<string, unknown>> };

describe('INTERACTION_CREATE options', () => {
  it('GIVEN a command with a group and a subcommand THEN undeclared option types are inferred and nested under both', () => {
    const handle = emulator.invokeSlashCommand({
      name: 'free',
      guildId: ids.guild,
      channelId: ids.general,
      userId: 'bob',
      subcommandGroup: 'config',
      subcommand: 'set',
      options: { on: true, count: 3, ratio: 1.5, name: 'x' },
    });
    const [group] = dataOf(handle).options;
    expect(group).toMatchObject({ name: 'config', type: 2, options: [{ name: 'set', type: 1 }] });
    const leaf = (group!.options as Array<{ options: unknown[] }>)[0]!.options;
    expect(leaf).toEqual([
      { name: 'on', type: 5, value: true },
      { name: 'count', type: 4, value: 3 },
      { name: 'ratio', type: 10, value: 1.5 },
      { name: 'name', type: 3, value: 'x' },
    ]);
    expect(dataOf(handle).resolved).toBeUndefined();
  });

  it('GIVEN user, role, channel and mentionable options THEN each id is resolved into its bucket, and unknown ids are not', () => {
    const handle = emulator.invokeSlashCommand({
      name: 'inspect',
      guildId: ids.guild,
      channelId: ids.general,
      userId: 'alice',
      options: { user: ids.bob, role: ids.mod, channel: ids.general, anything: ids.mod, nobody: '1' },
    });
    const resolved = dataOf(handle).resolved!;
    expect(Object.keys(resolved['users']!)).toEqual([ids.bob]);
    expect(resolved['members']![ids.bob]).toMatchObject({ nick: 'Bobby', permissions: expect.any(String) });
    expect(Object.keys(resolved['roles']!)).toEqual([ids.mod]);
    expect(resolved['channels']![ids.general]).toMatchObject({ name: 'general', type: 0 });
  });
});

describe('callback rules', () => {
  const slash = () => emulator.invokeSlashCommand({ name: 'free', guildId: ids.guild, channelId: ids.general, userId: 'bob' });

  it('GIVEN a wrong token or an unknown type THEN 10062 and 50035', async () => {
    const handle = slash();
    expect(await callback({ id: handle.id, token: 'wrong' }, { type: 4, data: { content: 'x' } })).toMatchObject({ status: 404, body: { code: 10062 } });
    expect(await callback(handle, { type: 2 })).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(await callback(handle, {})).toMatchObject({ status: 400, body: { code: 50035 } });
  });

  it('GIVEN an update type for a slash command THEN 50035, since only components and modals update a message', async () => {
    expect(await callback(slash(), { type: 6 })).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(await callback(slash(), { type: 7, data: { content: 'x' } })).toMatchObject({ status: 400, body: { code: 50035 } });
  });

  it('GIVEN a reply with with_response THEN the resource holds the message AND a second callback is 40060', async () => {
    const handle = slash();
    const answered = await callback(handle, { type: 4, data: { content: 'hi', flags: 64 } }, '?with_response=true');
    expect(answered).toMatchObject({
      status: 200,
      body: { interaction: { id: handle.id, response_message_ephemeral: true }, resource: { type: 4, message: { content: 'hi' } } },
    });
    expect(await callback(handle, { type: 4, data: { content: 'again' } })).toMatchObject({ status: 400, body: { code: 40060 } });
  });

  it('GIVEN a deferred reply with with_response THEN a loading message, AND autocomplete and modal callbacks carry their data', async () => {
    const deferred = await callback(slash(), { type: 5 }, '?with_response=true');
    expect(deferred.body).toMatchObject({ interaction: { response_message_loading: true }, resource: { type: 5 } });

    const typing = emulator.invokeAutocomplete({ name: 'free', guildId: ids.guild, channelId: ids.general, userId: 'bob', focused: 'q', options: { q: 'ab' } });
    expect(dataOf(typing).options).toEqual([{ name: 'q', type: 3, value: 'ab', focused: true }]);
    expect(await callback(typing, { type: 8, data: { choices: [{ name: 'abc', value: 'abc' }] } })).toMatchObject({ status: 204 });
    expect(await typing.choices()).toEqual([{ name: 'abc', value: 'abc' }]);
    const noChoices = emulator.invokeAutocomplete({ name: 'free', guildId: ids.guild, userId: 'bob', focused: 'q', options: { q: '' } });
    await callback(noChoices, { type: 8 });
    expect(await noChoices.choices()).toEqual([]);

    const asking = slash();
    await callback(asking, { type: 9, data: { custom_id: 'form', title: 'Form', components: [] } });
    expect(await asking.modal()).toMatchObject({ custom_id: 'form', title: 'Form' });
  });

  it('GIVEN a button click THEN an update edits the source message and a deferred update keeps it', async () => {
    const sent = await rest('POST', `/channels/${ids.general}/messages`, {
      content: 'pick',
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Go', custom_id: 'go' }] }],
    });
    const click = emulator.clickButton(sent.body.id, 'go', 'bob');
    const updated = await callback(click, { type: 7, data: { content: 'picked', components: [] } }, '?with_response=true');
    expect(updated.body).toMatchObject({ resource: { type: 7, message: { id: sent.body.id, content: 'picked' } } });
    expect(emulator.messages(ids.general).find((message) => message.id === sent.body.id)?.content).toBe('picked');

    const again = emulator.clickButton(sent.body.id, 'go', 'bob');
    expect(await callback(again, { type: 6 }, '?with_response=true')).toMatchObject({
      status: 200,
      body: { interaction: { response_message_id: sent.body.id }, resource: { type: 6 } },
    });
  });
});
