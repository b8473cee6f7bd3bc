import { upsertGuild, type BaselineServices } from '@baseline/core';
import { createDiscordEmulator, type DiscordEmulator } from '@baseline/testing';
import type { Client } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installGuildTracking, type GuildTracking } from '../../src/guilds/index.js';
import { createTestStack, fastGateway, loginReady, query, testClient } from '../shards/test-stack.js';

// When tracking is installed, whether it reconciles, and a shard's new session: what ends up in the guilds table.
describe('guild tracking: install time, reconcile off, new sessions', () => {
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  let services: BaselineServices;
  let emulator: DiscordEmulator;
  let client: Client | undefined;
  let tracking: GuildTracking | undefined;

  beforeAll(async () => {
    stack = await createTestStack();
    services = stack.services;
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    await tracking?.stop();
    await client?.destroy();
    await emulator.close();
    tracking = undefined;
    client = undefined;
  });

  const active = async (guildId: string) =>
    (await query<{ is_active: boolean }>(services, 'select is_active from guilds where guild_id = ?', [guildId]))[0]?.is_active;
  const boot = async (name: string) => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: [{ username: 'owner' }], guilds: [{ name, owner: 'owner' }] } });
    return [...emulator.state.guilds.keys()][0]!;
  };
  /** A guild id the emulator does not know, in the table as active: Discord no longer reports it. */
  const vanished = async (name: string, from: string) => {
    const guildId = String(BigInt(from) + 1000n);
    await upsertGuild(services.db, { guildId, guildName: name });
    return guildId;
  };

  it('GIVEN tracking installed on a client already ready THEN it reconciles at once', async () => {
    const guildId = await boot('Late install');
    client = testClient(emulator);
    await loginReady(client, emulator.botToken);
    tracking = installGuildTracking(client, services);
    await tracking.settled();
    expect(await active(guildId)).toBe(true);
  });

  it('GIVEN reconcile off THEN ready records nothing, a guild never recorded leaves without a trace, and a join is still recorded', async () => {
    const guildId = await boot('No reconcile');
    const gone = await vanished('Gone while off', guildId);
    client = testClient(emulator);
    tracking = installGuildTracking(client, services, { reconcile: false });
    await loginReady(client, emulator.botToken);
    await tracking.settled();
    expect(await active(guildId)).toBeUndefined();
    expect(await active(gone)).toBe(true);

    const left = new Promise((resolve) => client!.once('guildDelete', resolve));
    emulator.makeBotLeave(guildId);
    await left;
    await tracking.settled();
    expect(await active(guildId)).toBeUndefined();

    const joined = new Promise((resolve) => client!.once('guildCreate', resolve));
    emulator.makeBotJoin(guildId);
    await joined;
    await tracking.settled();
    expect(await active(guildId)).toBe(true);
  });

  it('GIVEN a shard that gets a new session after ready THEN its guilds are reconciled again', async () => {
    const guildId = await boot('New session');
    client = testClient(emulator);
    tracking = installGuildTracking(client, services);
    await loginReady(client, emulator.botToken);
    await tracking.settled();
    const gone = await vanished('Gone during the session', guildId);
    expect(await active(gone)).toBe(true);

    const readyAgain = new Promise((resolve) => client!.once('shardReady', resolve));
    emulator.sendInvalidSession(0, false);
    await readyAgain;
    await expect
      .poll(async () => {
        await tracking!.settled();
        return active(gone);
      })
      .toBe(false);
    expect(await active(guildId)).toBe(true);
  });
});
