import { inflateSync, constants } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { DiscordEmulator } from '../../src/index.js';
import { connect, type Frame } from '../support/gateway-client.js';
import { testEmulator } from './fixtures.js';

describe('Discord emulator gateway: protocol rules on the wire', () => {
  let emulator: DiscordEmulator;
  const identify = (intents = 1, shard: [number, number] = [0, 1]) => ({
    op: 2,
    d: { token: emulator.botToken, intents, shard, properties: { os: 'linux', browser: 'test', device: 'test' } },
  });

  beforeEach(async () => {
    emulator = await testEmulator({ gateway: { heartbeatIntervalMs: 200, identifyIntervalMs: 0 } });
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('GIVEN an invalid shard, unknown intents or a second IDENTIFY THEN the matching close codes are used', async () => {
    const badShard = connect(`${emulator.gatewayUrl}?v=10&encoding=json`);
    await badShard.frame((frame) => frame.op === 10);
    badShard.send(identify(1, [3, 2]));
    expect(await badShard.closed()).toBe(4010);
    const badIntents = connect(`${emulator.gatewayUrl}?v=10&encoding=json`);
    await badIntents.frame((frame) => frame.op === 10);
    badIntents.send(identify(1 << 30));
    expect(await badIntents.closed()).toBe(4013);
    const twice = connect(`${emulator.gatewayUrl}?v=10&encoding=json`);
    await twice.frame((frame) => frame.op === 10);
    twice.send(identify());
    await twice.frame((frame) => frame.t === 'READY');
    twice.send(identify());
    expect(await twice.closed()).toBe(4005);
  });

  it('GIVEN a client that stops heartbeating THEN the emulator closes with 4009', async () => {
    const silent = connect(`${emulator.gatewayUrl}?v=10&encoding=json`);
    const hello = await silent.frame((frame) => frame.op === 10);
    expect(hello.d).toEqual({ heartbeat_interval: 200 });
    silent.send(identify());
    expect(await silent.closed()).toBe(4009);
  });

  it('GIVEN op 8 with user_ids and a nonce THEN one chunk echoes the nonce and lists the unknown ids', async () => {
    const guildId = [...emulator.state.botGuildIds][0]!;
    const alice = [...emulator.state.users.values()].find((user) => user.username === 'alice')!;
    const client = connect(`${emulator.gatewayUrl}?v=10&encoding=json`);
    await client.frame((frame) => frame.op === 10);
    client.send(identify(1 | 2));
    await client.frame((frame) => frame.t === 'GUILD_CREATE');
    client.send({ op: 8, d: { guild_id: guildId, user_ids: [alice.id, '42'], nonce: 'n1', limit: 0 } });
    const chunk = await client.frame((frame) => frame.t === 'GUILD_MEMBERS_CHUNK');
    expect(chunk.d).toMatchObject({ guild_id: guildId, nonce: 'n1', chunk_index: 0, chunk_count: 1, not_found: ['42'] });
    expect((chunk.d as { members: { user: { id: string } }[] }).members.map((member) => member.user.id)).toEqual([alice.id]);
    client.socket.close(1000);
  });

  it('GIVEN compress=zlib-stream THEN frames are one deflate stream flushed per payload', async () => {
    const socket = new WebSocket(`${emulator.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const chunks: Buffer[] = [];
    const first = await new Promise<Buffer>((resolve) => socket.once('message', (data: Buffer) => resolve(data)));
    chunks.push(first);
    expect(first.subarray(-4)).toEqual(Buffer.from([0, 0, 0xff, 0xff]));
    const hello = JSON.parse(inflateSync(Buffer.concat(chunks), { finishFlush: constants.Z_SYNC_FLUSH }).toString()) as Frame;
    expect(hello.op).toBe(10);
    socket.close(1000);
  });
});
