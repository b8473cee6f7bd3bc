import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../src/index.js';
import { connect, type Frame } from '../support/gateway-client.js';
import { seededGuild, testEmulator } from './fixtures.js';

// Gateway edges a library never sends: other versions and encodings, binary or oversized frames, opcodes before
// IDENTIFY, unknown opcodes; and REQUEST_GUILD_MEMBERS (op 8) in each of its forms, answered as Discord does.

const GUILDS = 1;
const GUILD_MEMBERS = 1 << 1;

let emulator: DiscordEmulator;
let ids: { guild: string; bob: string; alice: string };

beforeAll(async () => {
  emulator = await testEmulator({ gateway: { heartbeatIntervalMs: 5_000, identifyIntervalMs: 0 } });
  const seeded = seededGuild(emulator);
  ids = { guild: seeded.guild.id, bob: seeded.user('bob').id, alice: seeded.user('alice').id };
});
afterAll(() => emulator.close());

const url = (query = 'v=10&encoding=json') => `${emulator.gatewayUrl}?${query}`;

async function session(intents: number) {
  const client = connect(url());
  await client.frame((frame) => frame.op === 10);
  client.send({ op: 2, d: { token: emulator.botToken, intents, shard: [0, 1], properties: { os: 'linux', browser: 'test', device: 'test' } } });
  await client.frame((frame) => frame.t === 'READY');
  return client;
}

const chunk = (client: ReturnType<typeof connect>, nonce: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GUILD_MEMBERS_CHUNK data is Discord JSON read field by field
  client.frame((frame) => frame.t === 'GUILD_MEMBERS_CHUNK' && (frame.d as { nonce?: string }).nonce === nonce) as Promise<Frame & { d: Record<string, any> }>;

describe('connection rules', () => {
  it.each([
    ['v=9', 4012],
    ['v=10&encoding=etf', 4002],
  ])('GIVEN %s THEN the gateway closes with %i', async (query, code) => {
    expect(await connect(url(query)).closed()).toBe(code);
  });

  it('GIVEN a binary frame, an oversized frame, bad JSON or an unknown opcode THEN the matching close code', async () => {
    const binary = connect(url());
    await binary.frame((frame) => frame.op === 10);
    binary.socket.send(Buffer.from('{}'), { binary: true });
    expect(await binary.closed()).toBe(4002);

    const big = connect(url());
    await big.frame((frame) => frame.op === 10);
    big.send({ op: 1, d: 'x'.repeat(5000) });
    expect(await big.closed()).toBe(4002);

    const garbled = connect(url());
    await garbled.frame((frame) => frame.op === 10);
    garbled.socket.send('{"op":');
    expect(await garbled.closed()).toBe(4002);

    const unknown = connect(url());
    await unknown.frame((frame) => frame.op === 10);
    unknown.send({ op: 99, d: null });
    expect(await unknown.closed()).toBe(4001);
  });

  it.each([3, 4, 8, 31, 43])('GIVEN opcode %i before IDENTIFY THEN 4003 not authenticated', async (op) => {
    const client = connect(url());
    await client.frame((frame) => frame.op === 10);
    client.send({ op, d: {} });
    expect(await client.closed()).toBe(4003);
  });

  it('GIVEN a heartbeat with a sequence and presence or voice updates after IDENTIFY THEN an ACK and no close', async () => {
    const client = await session(GUILDS);
    client.send({ op: 1, d: 1 });
    await client.frame((frame) => frame.op === 11);
    client.send({ op: 3, d: { status: 'online', activities: [], since: null, afk: false } });
    client.send({ op: 4, d: { guild_id: ids.guild, channel_id: null, self_mute: false, self_deaf: false } });
    client.send({ op: 1, d: null });
    await client.frame((frame) => frame.op === 11 && client.frames.filter((f) => f.op === 11).length === 2);
    client.socket.close(1000);
    expect(await client.closed()).toBe(1000);
  });
});

describe('REQUEST_GUILD_MEMBERS', () => {
  it('GIVEN user ids, one unknown THEN the found members and not_found in one chunk, with presences when asked', async () => {
    const client = await session(GUILDS | GUILD_MEMBERS);
    client.send({ op: 8, d: { guild_id: ids.guild, user_ids: [ids.bob, '1'], presences: true, nonce: 'ids' } });
    const { d } = await chunk(client, 'ids');
    expect(d.members.map((member: { user: { id: string } }) => member.user.id)).toEqual([ids.bob]);
    expect(d).toMatchObject({ not_found: ['1'], presences: [], chunk_index: 0, chunk_count: 1 });

    client.send({ op: 8, d: { guild_id: ids.guild, user_ids: ids.alice, nonce: 'one' } });
    expect((await chunk(client, 'one')).d.members.map((member: { user: { id: string } }) => member.user.id)).toEqual([ids.alice]);
    client.socket.close(1000);
  });

  it('GIVEN a query and a limit THEN names and nicks match by prefix up to the limit', async () => {
    const client = await session(GUILDS | GUILD_MEMBERS);
    client.send({ op: 8, d: { guild_id: ids.guild, query: 'AL', limit: 5, nonce: 'q' } });
    expect((await chunk(client, 'q')).d.members.map((member: { user: { username: string } }) => member.user.username)).toEqual(['alice']);
    client.send({ op: 8, d: { guild_id: ids.guild, query: '', limit: 1, nonce: 'all' } });
    expect((await chunk(client, 'all')).d.members).toHaveLength(1);
    client.socket.close(1000);
  });

  it('GIVEN no GUILD_MEMBERS intent THEN an empty query returns no members AND a nonce over 32 bytes is dropped', async () => {
    const client = await session(GUILDS);
    client.send({ op: 8, d: { guild_id: ids.guild, query: '', limit: 0, nonce: 'no-intent' } });
    const { d } = await chunk(client, 'no-intent');
    expect(d.members).toEqual([]);
    client.send({ op: 8, d: { guild_id: ids.guild, query: 'bob', nonce: 'x'.repeat(33) } });
    const unnamed = await client.frame((frame) => frame.t === 'GUILD_MEMBERS_CHUNK' && (frame.d as { nonce?: string }).nonce === undefined);
    expect((unnamed.d as { members: unknown[] }).members).toHaveLength(1);
    client.socket.close(1000);
  });

  it('GIVEN an unknown guild THEN no chunk is sent', async () => {
    const client = await session(GUILDS | GUILD_MEMBERS);
    client.send({ op: 8, d: { guild_id: '1', query: '', nonce: 'unknown' } });
    client.send({ op: 8, d: { guild_id: ids.guild, query: 'bob', nonce: 'after' } });
    await chunk(client, 'after');
    expect(client.frames.some((frame) => (frame.d as { nonce?: string } | null)?.nonce === 'unknown')).toBe(false);
    client.socket.close(1000);
  });
});
