import { guildAccessVersionKey, upsertGuild, userAccessVersionKey, type BaselineServices } from '@baseline/core';
import { createDiscordEmulator, type DiscordEmulator } from '@baseline/testing';
import { GatewayIntentBits, type Client } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shardIdForGuild } from '@baseline/core';
import { installGuildTracking, type GuildTracking } from '../../src/guilds/index.js';
import { createTestStack, fastGateway, loginReady, query, testClient, type LogLine } from '../shards/test-stack.js';

const seedUsers = [{ username: 'owner' }, { username: 'alice' }, { username: 'bob' }];
/** Channel permissions without VIEW_AUDIT_LOG (128). */
const NO_AUDIT_LOG = '3072';

type GuildRow = { guild_id: string; guild_name: string; is_active: boolean; added_by_user_id: string | null; left_at: string | null };
type GrantRow = { user_id: string; is_initial: boolean; is_active: boolean };

describe('guild tracking', () => {
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
    await tracking?.close();
    await client?.destroy();
    await emulator.close();
    tracking = undefined;
    client = undefined;
  });

  const guildRow = async (guildId: string) =>
    (
      await query<GuildRow>(services, `select guild_id::text, guild_name, is_active, added_by_user_id::text, left_at from guilds where guild_id = ?`, [guildId])
    )[0];
  const auditLog = (guildId: string) =>
    query(services, `select action, actor_user_id::text, target, before, after, metadata from audit_log where guild_id = ? order by id`, [guildId]);
  const grants = (guildId: string) =>
    query<GrantRow>(services, `select user_id::text, is_initial, is_active from authorized_users where guild_id = ? order by id`, [guildId]);
  /** The access versions API instances key their caches by (see core's bumpAccessVersions). */
  const versions = async (guildId: string, names: string[]) =>
    services.kv.mget([guildAccessVersionKey(guildId), ...names.map((name) => userAccessVersionKey(userId(name)))]);
  /** Every version is set and differs from the one before. */
  const expectBumped = (after: (string | undefined)[], before: (string | undefined)[]) => {
    after.forEach((value, index) => {
      expect(value).toEqual(expect.any(String));
      expect(value).not.toBe(before[index]);
    });
  };
  const userId = (name: string) => [...emulator.state.users.values()].find((user) => user.username === name)!.id;
  const start = async () => {
    client = testClient(emulator);
    tracking = installGuildTracking(client, services);
    await loginReady(client, emulator.botToken);
    await tracking.settled();
  };

  it('GIVEN alice adds the bot after ready THEN the guild is active and alice, found in the audit log, is its initial authorized user', async () => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: seedUsers } });
    await start();
    const guild = emulator.addGuild({ name: 'Alice Place', owner: 'owner', bot: false });
    const joined = new Promise((resolve) => client!.once('guildCreate', resolve));
    emulator.makeBotJoin(guild.id, { addedBy: 'alice' });
    await joined;
    await tracking!.settled();

    expect(await guildRow(guild.id)).toMatchObject({ guild_name: 'Alice Place', is_active: true, added_by_user_id: userId('alice') });
    expect(await grants(guild.id)).toEqual([{ user_id: userId('alice'), is_initial: true, is_active: true }]);
  });

  it('GIVEN the bot cannot read the audit log THEN the owner becomes the initial user and the log says why', async () => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: seedUsers } });
    await start();
    const guild = emulator.addGuild({ name: 'Locked', owner: 'owner', bot: false });
    const joined = new Promise((resolve) => client!.once('guildCreate', resolve));
    emulator.makeBotJoin(guild.id, { addedBy: 'alice', permissions: NO_AUDIT_LOG });
    await joined;
    await tracking!.settled();

    expect(await guildRow(guild.id)).toMatchObject({ is_active: true, added_by_user_id: userId('owner') });
    expect(await grants(guild.id)).toEqual([{ user_id: userId('owner'), is_initial: true, is_active: true }]);
    const warning = stack.logs.find((line: LogLine) => line.guild_id === guild.id && line.level === 'warn');
    expect(warning?.msg).toMatch(/guild owner: the bot lacks VIEW_AUDIT_LOG \(Discord error 50013\)/);
  });

  it('GIVEN a tracked guild WHEN the bot leaves and the same user adds it again THEN the row goes inactive with its data kept, then active again with the same initial user', async () => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: seedUsers } });
    await start();
    const guild = emulator.addGuild({ name: 'Round Trip', owner: 'owner', bot: false });
    let joined = new Promise((resolve) => client!.once('guildCreate', resolve));
    emulator.makeBotJoin(guild.id, { addedBy: 'alice' });
    await joined;
    await tracking!.settled();
    const afterJoin = await versions(guild.id, ['alice']);
    expectBumped(afterJoin, [undefined, undefined]);

    const left = new Promise((resolve) => client!.once('guildDelete', resolve));
    emulator.makeBotLeave(guild.id);
    await left;
    await tracking!.settled();
    const afterLeave = await versions(guild.id, ['alice']);
    expectBumped(afterLeave, afterJoin);
    const inactive = await guildRow(guild.id);
    expect(inactive).toMatchObject({ is_active: false });
    expect(inactive!.left_at).not.toBeNull();
    expect(await grants(guild.id)).toEqual([{ user_id: userId('alice'), is_initial: true, is_active: true }]);

    joined = new Promise((resolve) => client!.once('guildCreate', resolve));
    emulator.makeBotJoin(guild.id, { addedBy: 'alice' });
    await joined;
    await tracking!.settled();
    expect(await guildRow(guild.id)).toMatchObject({ is_active: true, left_at: null, added_by_user_id: userId('alice') });
    expect(await grants(guild.id)).toEqual([{ user_id: userId('alice'), is_initial: true, is_active: true }]);
    expect(stack.logs.some((line) => line.guild_id === guild.id && line.msg === 'guild rejoined')).toBe(true);
    expectBumped(await versions(guild.id, ['alice']), afterLeave);
    expect(await auditLog(guild.id)).toEqual([]);
  });

  it('GIVEN alice added the bot WHEN bob adds it again after it left THEN bob is the initial user, alice keeps an ordinary grant, and the transfer is logged and audited', async () => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: seedUsers } });
    await start();
    const guild = emulator.addGuild({ name: 'New Hands', owner: 'owner', bot: false });
    let joined = new Promise((resolve) => client!.once('guildCreate', resolve));
    emulator.makeBotJoin(guild.id, { addedBy: 'alice' });
    await joined;
    await tracking!.settled();
    const left = new Promise((resolve) => client!.once('guildDelete', resolve));
    emulator.makeBotLeave(guild.id);
    await left;

    await tracking!.settled();
    const beforeTransfer = await versions(guild.id, ['alice', 'bob']);
    joined = new Promise((resolve) => client!.once('guildCreate', resolve));
    emulator.makeBotJoin(guild.id, { addedBy: 'bob' });
    await joined;
    await tracking!.settled();
    expectBumped(await versions(guild.id, ['alice', 'bob']), beforeTransfer);

    expect(await guildRow(guild.id)).toMatchObject({ is_active: true, added_by_user_id: userId('alice') });
    expect(await grants(guild.id)).toEqual([
      { user_id: userId('alice'), is_initial: false, is_active: true },
      { user_id: userId('bob'), is_initial: true, is_active: true },
    ]);
    expect(await auditLog(guild.id)).toEqual([
      {
        action: 'access.initial-transfer',
        actor_user_id: null,
        target: userId('bob'),
        before: { user_id: userId('alice') },
        after: { user_id: userId('bob') },
        metadata: { reason: 'the bot was re-added by another user' },
      },
    ]);
    expect(stack.logs.find((line) => line.guild_id === guild.id && line.msg.startsWith('initial authorized user transferred'))).toMatchObject({
      user_id: userId('bob'),
      previous_user_id: userId('alice'),
    });
  });

  it('GIVEN the GuildMembers intent WHEN members with grants leave THEN their grants are revoked by nobody, and the owner takes over from the initial user', async () => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: seedUsers } });
    const logsBefore = stack.logs.length;
    client = testClient(emulator, { intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers] });
    tracking = installGuildTracking(client, services);
    await loginReady(client, emulator.botToken);
    await tracking.settled();
    const guild = emulator.addGuild({ name: 'Leavers', owner: 'owner', members: [{ user: 'alice' }, { user: 'bob' }], bot: false });
    const joined = new Promise((resolve) => client!.once('guildCreate', resolve));
    emulator.makeBotJoin(guild.id, { addedBy: 'alice' });
    await joined;
    await tracking.settled();
    await query(services, `insert into authorized_users (guild_id, user_id, granted_by_user_id) values (?, ?, ?)`, [guild.id, userId('bob'), userId('alice')]);

    const memberLeaves = async (name: string) => {
      const removed = new Promise<void>((resolve) => {
        const onRaw = (...args: unknown[]) => {
          if ((args[0] as { t?: string }).t !== 'GUILD_MEMBER_REMOVE') return;
          client!.off('raw', onRaw);
          resolve();
        };
        client!.on('raw', onRaw);
      });
      emulator.removeMember(guild.id, name);
      await removed;
      await tracking!.settled();
    };

    const beforeLeave = await versions(guild.id, ['bob']);
    await memberLeaves('bob');
    expectBumped(await versions(guild.id, ['bob']), beforeLeave);
    const bobRow = async () =>
      (
        await query<{ is_active: boolean; revoked_at: Date | null; revoked_by_user_id: string | null }>(
          services,
          `select is_active, revoked_at, revoked_by_user_id::text from authorized_users where guild_id = ? and user_id = ?`,
          [guild.id, userId('bob')],
        )
      )[0];
    expect(await bobRow()).toMatchObject({ is_active: false, revoked_by_user_id: null });
    expect((await bobRow())!.revoked_at).not.toBeNull();
    expect(await grants(guild.id)).toEqual([
      { user_id: userId('alice'), is_initial: true, is_active: true },
      { user_id: userId('bob'), is_initial: false, is_active: false },
    ]);

    const beforeInitialLeaves = await versions(guild.id, ['alice', 'owner']);
    await memberLeaves('alice');
    expectBumped(await versions(guild.id, ['alice', 'owner']), beforeInitialLeaves);
    expect(await grants(guild.id)).toEqual([
      { user_id: userId('alice'), is_initial: false, is_active: false },
      { user_id: userId('bob'), is_initial: false, is_active: false },
      { user_id: userId('owner'), is_initial: true, is_active: true },
    ]);
    const leftReason = { reason: 'the member left the guild' };
    expect(await auditLog(guild.id)).toEqual([
      {
        action: 'access.revoke',
        actor_user_id: null,
        target: userId('bob'),
        before: { is_active: true, is_initial: false },
        after: { is_active: false, is_initial: false, revoked_by_user_id: null },
        metadata: leftReason,
      },
      {
        action: 'access.revoke',
        actor_user_id: null,
        target: userId('alice'),
        before: { is_active: true, is_initial: true },
        after: { is_active: false, is_initial: false, revoked_by_user_id: null },
        metadata: leftReason,
      },
      {
        action: 'access.initial-transfer',
        actor_user_id: null,
        target: userId('owner'),
        before: { user_id: userId('alice') },
        after: { user_id: userId('owner') },
        metadata: { reason: 'the initial authorized user left the guild; the owner stands in' },
      },
    ]);
    expect(
      stack.logs.filter((line) => line.guild_id === guild.id && line.msg === 'dashboard access revoked: the member left the guild').map((line) => line.user_id),
    ).toEqual([userId('bob'), userId('alice')]);
    expect(stack.logs.slice(logsBefore).some((line) => line.msg.startsWith('the GuildMembers intent is off'))).toBe(false);
  });

  it('GIVEN no GuildMembers intent THEN startup logs once that grants are not revoked when members leave', async () => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: seedUsers } });
    const before = stack.logs.length;
    await start();
    const notices = stack.logs
      .slice(before)
      .filter((line) => line.msg === 'the GuildMembers intent is off: dashboard grants are not revoked when members leave a guild');
    expect(notices).toHaveLength(1);
  });

  it('GIVEN the table disagrees with Discord at startup THEN reconcile marks the vanished guild left, records the unknown one and reactivates the returned one', async () => {
    emulator = await createDiscordEmulator({
      gateway: fastGateway,
      seed: {
        users: seedUsers,
        guilds: [
          { name: 'Unknown', owner: 'owner', bot: { addedBy: 'bob' } },
          { name: 'Returned', owner: 'owner' },
        ],
      },
    });
    const byName = (name: string) => [...emulator.state.guilds.values()].find((guild) => guild.name === name)!;
    const vanishedId = String(BigInt(byName('Unknown').id) + 1n);
    await upsertGuild(services.db, { guildId: vanishedId, guildName: 'Vanished' });
    await upsertGuild(services.db, { guildId: byName('Returned').id, guildName: 'Returned (old name)' });
    await query(services, `update guilds set is_active = false, left_at = now() where guild_id = ?`, [byName('Returned').id]);

    await start();

    expect(await guildRow(vanishedId)).toMatchObject({ is_active: false });
    expect(await services.kv.get(guildAccessVersionKey(vanishedId))).toEqual(expect.any(String));
    expect(await guildRow(byName('Unknown').id)).toMatchObject({ is_active: true, added_by_user_id: userId('bob') });
    expect(await grants(byName('Unknown').id)).toEqual([{ user_id: userId('bob'), is_initial: true, is_active: true }]);
    expect(await guildRow(byName('Returned').id)).toMatchObject({ is_active: true, guild_name: 'Returned', left_at: null });
  });

  it('GIVEN a process running shard 0 of 2 THEN reconcile never marks left an active guild of shard 1', async () => {
    emulator = await createDiscordEmulator({ gateway: fastGateway, seed: { users: seedUsers, guilds: [{ name: 'Here', owner: 'owner' }] } });
    const idOnShard = (shard: number) => {
      for (let n = 1n; ; n++) {
        const id = String((n << 22n) + 7n);
        if (shardIdForGuild(id, 2) === shard) return id;
      }
    };
    const otherShardGuild = idOnShard(1);
    const mineGone = idOnShard(0);
    await upsertGuild(services.db, { guildId: otherShardGuild, guildName: 'Other process' });
    await upsertGuild(services.db, { guildId: mineGone, guildName: 'Gone from shard 0' });

    client = testClient(emulator, { shards: [0], shardCount: 2 });
    tracking = installGuildTracking(client, services);
    await loginReady(client, emulator.botToken);
    await tracking.settled();

    expect(await guildRow(otherShardGuild)).toMatchObject({ is_active: true });
    expect(await guildRow(mineGone)).toMatchObject({ is_active: false });
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
