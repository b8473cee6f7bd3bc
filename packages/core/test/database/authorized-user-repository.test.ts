import { createCaptureLogger, createTestDatabase, type TestDatabase } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  findAuthorizedUser,
  findInitialUser,
  grantAccess,
  grantInitialUser,
  isAuthorizedUser,
  listAccessibleGuilds,
  listAuthorizedGuildsOfUsers,
  listActiveGrantUserIds,
  listAuthorizedUsers,
  markGuildInactive,
  migrateBaseline,
  readGuildAccessFacts,
  revokeAccess,
  revokeLeavingMember,
  transferInitialGrant,
  upsertGuild,
  type Database,
} from '../../src/database/index.js';

// Above 2^53: a float would silently round these.
const GUILD = '1234567890123456789';
const OTHER_GUILD = '1234567890123456790';
const OWNER = '9007199254740993';
const ALICE = '9007199254740995';
const BOB = '9007199254740997';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger, pool: { min: 0, max: 4 } });
  await migrateBaseline(db);
  await upsertGuild(db, { guildId: GUILD, guildName: 'Zeta', ownerId: OWNER });
  await upsertGuild(db, { guildId: OTHER_GUILD, guildName: 'Alpha', ownerId: BOB });
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

describe('authorized_users repository (core owns the table)', () => {
  it('GIVEN the bot adds its initial user and the dashboard grants another THEN both are listed, oldest first, with exact snowflakes', async () => {
    await grantInitialUser(db, GUILD, OWNER);
    expect(await findInitialUser(db, GUILD)).toBe(OWNER);
    const granted = await grantAccess(db, { guildId: GUILD, userId: ALICE, grantedByUserId: OWNER });
    expect(granted).toMatchObject({ userId: ALICE, grantedByUserId: OWNER, isActive: true, isInitial: false, revokedAt: null });
    expect(granted?.grantedAt).toBeInstanceOf(Date);
    expect(await grantAccess(db, { guildId: GUILD, userId: ALICE, grantedByUserId: OWNER })).toBeUndefined();
    expect((await listAuthorizedUsers(db, GUILD)).map((user) => user.userId)).toEqual([OWNER, ALICE]);
    expect(await isAuthorizedUser(db, GUILD, ALICE)).toBe(true);
    expect((await listActiveGrantUserIds(db, GUILD)).sort()).toEqual([OWNER, ALICE].sort());
  });

  it('GIVEN a revocation from the dashboard THEN the initial user is refused AND the revoked grant stays readable with its revoker', async () => {
    expect(await revokeAccess(db, { guildId: GUILD, userId: OWNER, revokedByUserId: ALICE })).toBeUndefined();
    const revoked = await revokeAccess(db, { guildId: GUILD, userId: ALICE, revokedByUserId: OWNER });
    expect(revoked).toMatchObject({ userId: ALICE, isActive: false, revokedByUserId: OWNER });
    expect(await findAuthorizedUser(db, GUILD, ALICE)).toMatchObject({ isActive: false });
    expect((await listAuthorizedUsers(db, GUILD)).map((user) => user.userId)).toEqual([OWNER]);
    expect((await listAuthorizedUsers(db, GUILD, { includeRevoked: true })).map((user) => user.userId)).toEqual([OWNER, ALICE]);
    expect(await findAuthorizedUser(db, GUILD, BOB)).toBeUndefined();
  });

  it('GIVEN the initial grant moves THEN the previous initial user keeps an ordinary grant AND a repeat changes nothing', async () => {
    expect(await transferInitialGrant(db, GUILD, BOB)).toEqual({ changed: true, previous: OWNER });
    expect(await transferInitialGrant(db, GUILD, BOB)).toEqual({ changed: false });
    expect(await findInitialUser(db, GUILD)).toBe(BOB);
    expect(await findAuthorizedUser(db, GUILD, OWNER)).toMatchObject({ isActive: true, isInitial: false });
  });

  it('GIVEN the initial user leaves the guild THEN their grant is revoked by no one AND it is reported as the initial one', async () => {
    expect(await revokeLeavingMember(db, GUILD, BOB)).toEqual({ wasInitial: true });
    expect(await findAuthorizedUser(db, GUILD, BOB)).toMatchObject({ isActive: false, isInitial: false, revokedByUserId: null });
    expect(await revokeLeavingMember(db, GUILD, BOB)).toBeUndefined();
  });

  it('GIVEN grants and guilds THEN access facts and accessible guilds follow the active grants and the guilds the bot is in', async () => {
    expect(await readGuildAccessFacts(db, GUILD)).toEqual({ isActive: true, authorizedUserIds: new Set([OWNER]) });
    expect(await readGuildAccessFacts(db, '1234567890123456000')).toBeUndefined();
    expect(await listAccessibleGuilds(db, OWNER, false)).toEqual([{ guildId: GUILD, guildName: 'Zeta', access: 'authorized', isInitial: false }]);
    expect((await listAccessibleGuilds(db, OWNER, true)).map((guild) => [guild.guildName, guild.access])).toEqual([
      ['Alpha', 'developer'],
      ['Zeta', 'authorized'],
    ]);
    await markGuildInactive(db, OTHER_GUILD);
    expect((await listAccessibleGuilds(db, OWNER, true)).map((guild) => guild.guildName)).toEqual(['Zeta']);
  });

  it('GIVEN several users THEN listAuthorizedGuildsOfUsers gives each, from one query, the list listAccessibleGuilds gives them', async () => {
    const [mu, beta, gone] = ['1234567890123456801', '1234567890123456802', '1234567890123456803'];
    const [carol, dave, erin] = ['9007199254741001', '9007199254741003', '9007199254741005'];
    await upsertGuild(db, { guildId: mu, guildName: 'Mu', ownerId: carol });
    await upsertGuild(db, { guildId: beta, guildName: 'Beta', ownerId: carol });
    await upsertGuild(db, { guildId: gone, guildName: 'Aa', ownerId: carol });
    await grantInitialUser(db, mu, carol);
    await grantAccess(db, { guildId: beta, userId: carol, grantedByUserId: OWNER });
    await grantAccess(db, { guildId: gone, userId: carol, grantedByUserId: OWNER });
    await markGuildInactive(db, gone);
    await grantAccess(db, { guildId: mu, userId: dave, grantedByUserId: carol });
    await grantAccess(db, { guildId: beta, userId: dave, grantedByUserId: carol });
    await revokeAccess(db, { guildId: beta, userId: dave, revokedByUserId: carol });
    const lists = await listAuthorizedGuildsOfUsers(db, [carol, dave, erin, carol]);
    expect([...lists.keys()]).toEqual([carol, dave, erin]);
    expect(lists.get(carol)).toEqual([
      { guildId: beta, guildName: 'Beta', access: 'authorized', isInitial: false },
      { guildId: mu, guildName: 'Mu', access: 'authorized', isInitial: true },
    ]);
    expect(lists.get(dave)).toEqual([{ guildId: mu, guildName: 'Mu', access: 'authorized', isInitial: false }]);
    expect(lists.get(erin)).toEqual([]);
    for (const user of [carol, dave, erin]) expect(lists.get(user)).toEqual(await listAccessibleGuilds(db, user, false));
  });
});
