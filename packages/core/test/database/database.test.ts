import { createCaptureLogger, createTestDatabase, type TestDatabase } from '../../src/testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendAuditLog,
  AuthorizedUser,
  createDatabase,
  createPostgresSettingsStore,
  findGuild,
  Guild,
  listActiveGuilds,
  listAuditLog,
  LlmModelPricing,
  LlmUsage,
  markGuildInactive,
  migrateBaseline,
  reactivateGuild,
  upsertGuild,
  type Database,
} from '../../src/database/index.js';
import { isBaselineError } from '../../src/errors/baseline-error.js';
import { settingsRevision } from '../../src/settings/settings-revision.js';

// Above 2^53: a float would silently round these.
const GUILD_A = '1234567890123456789';
const GUILD_B = '9223372036854775807';
const USER = '9007199254740993';
const GUILD_C = '1111111111111111111';

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await createDatabase({ url: testDb.url, logger: createCaptureLogger().logger, pool: { min: 0, max: 4 } });
  await migrateBaseline(db);
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

describe('createDatabase', () => {
  it('GIVEN a connected database THEN ping returns the round trip in milliseconds', async () => {
    const ms = await db.ping();
    expect(typeof ms).toBe('number');
    expect(ms).toBeGreaterThan(0);
  });

  it('GIVEN a slow-query threshold of 0 THEN every query is logged as warn with its SQL and duration, without values', async () => {
    const { logger, lines } = createCaptureLogger();
    const watched = await createDatabase({ url: testDb.url, logger, slowQueryMs: 0 });
    try {
      await watched.fork().find(Guild, { guildName: 'secret-value-42' });
    } finally {
      await watched.close();
    }
    const slow = lines.filter((line) => line.msg === 'slow query');
    const select = slow.find((line) => String(line.sql).includes('from "guilds"'));
    expect(select).toMatchObject({ level: 40, component: 'database' });
    expect(typeof select?.duration_ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-value-42');
  });

  it('GIVEN debug on THEN queries are logged at debug level without their parameter values', async () => {
    const { logger, lines } = createCaptureLogger();
    const verbose = await createDatabase({ url: testDb.url, logger, debug: true });
    try {
      await verbose.fork().find(Guild, { guildName: 'another-secret-7' });
    } finally {
      await verbose.close();
    }
    const query = lines.find((line) => line.msg === 'query' && String(line.sql).includes('from "guilds"'));
    expect(query).toMatchObject({ level: 20 });
    expect(typeof query?.duration_ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('another-secret-7');
  });

  it('GIVEN the default threshold THEN fast queries are not logged', async () => {
    const { logger, lines } = createCaptureLogger();
    const quiet = await createDatabase({ url: testDb.url, logger });
    try {
      await quiet.fork().find(Guild, {});
    } finally {
      await quiet.close();
    }
    expect(lines.filter((line) => line.msg === 'slow query')).toEqual([]);
  });

  it('GIVEN an unreachable server THEN it fails with BL_ERR_DB_CONNECT and a masked password', async () => {
    const error = await createDatabase({ url: 'postgres://u:hunter2@127.0.0.1:1/none', logger: createCaptureLogger().logger }).catch((e: unknown) => e);
    expect(isBaselineError(error, 'BL_ERR_DB_CONNECT')).toBe(true);
    expect((error as Error).message).toContain('u:***@127.0.0.1:1');
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('entities', () => {
  it('GIVEN snowflakes above 2^53 THEN they round-trip as exact strings', async () => {
    await upsertGuild(db, { guildId: GUILD_B, guildName: 'max', ownerId: USER, addedByUserId: USER });
    const guild = await findGuild(db, GUILD_B);
    expect(guild?.guildId).toBe(GUILD_B);
    expect(guild?.ownerId).toBe(USER);
    expect(JSON.parse(JSON.stringify(guild))).toMatchObject({ guildId: GUILD_B, ownerId: USER });
  });

  it('GIVEN money values THEN numeric columns round-trip them exactly as strings', async () => {
    const em = db.fork();
    em.create(LlmUsage, {
      guildId: GUILD_A,
      userId: USER,
      provider: 'openai',
      model: 'gpt-test',
      requestType: 'text',
      promptTokens: 1000,
      completionTokens: 500,
      totalTokens: 1500,
      estimatedCostUsd: '0.1234567891',
      units: '12.5',
      latencyMs: 321,
      metadata: { note: 'x' },
    });
    em.create(LlmModelPricing, {
      provider: 'openai',
      model: 'gpt-test',
      inputCostPer1kTokens: '0.000150000001',
      outputCostPer1kTokens: '12345678.123456789012',
    });
    await em.flush();

    const fresh = db.fork();
    const usage = await fresh.findOneOrFail(LlmUsage, { model: 'gpt-test' });
    expect(usage.estimatedCostUsd).toBe('0.1234567891');
    expect(usage.units).toBe('12.5');
    expect(usage.guildId).toBe(GUILD_A);
    expect(usage.status).toBe('ok');
    expect(usage.cacheReadTokens).toBe(0);
    expect(typeof usage.id).toBe('string');
    const pricing = await fresh.findOneOrFail(LlmModelPricing, { model: 'gpt-test' });
    expect(pricing.inputCostPer1kTokens).toBe('0.000150000001');
    expect(pricing.outputCostPer1kTokens).toBe('12345678.123456789012');
    const [sum] = await fresh.getConnection().execute<{ total: string }[]>('select sum(estimated_cost_usd) * 3 as total from llm_usage');
    expect(sum?.total).toBe('0.3703703673');
  });
});

describe('authorized users', () => {
  it('GIVEN a grant through the ORM THEN the guild reference is the snowflake string and defaults apply', async () => {
    await upsertGuild(db, { guildId: GUILD_C, guildName: 'Gamma' });
    const em = db.fork();
    em.create(AuthorizedUser, { guildId: GUILD_C, userId: USER, grantedByUserId: USER, isInitial: true });
    await em.flush();
    const grant = await db.fork().findOneOrFail(AuthorizedUser, { guildId: GUILD_C, userId: USER });
    expect(grant).toMatchObject({ guildId: GUILD_C, userId: USER, isActive: true, isInitial: true, revokedAt: null });
    expect(grant.grantedAt).toBeInstanceOf(Date);
    expect(JSON.parse(JSON.stringify(grant))).toMatchObject({ guildId: GUILD_C, userId: USER });
  });
});

describe('guild repository', () => {
  it('GIVEN a guild that leaves and returns THEN it is listed only while active, keeping who added it', async () => {
    await upsertGuild(db, { guildId: GUILD_A, guildName: 'Alpha', addedByUserId: USER });
    expect((await listActiveGuilds(db)).map((g) => g.guildId)).toContain(GUILD_A);

    expect(await markGuildInactive(db, GUILD_A)).toBe(true);
    expect(await markGuildInactive(db, GUILD_A)).toBe(false);
    const left = await findGuild(db, GUILD_A);
    expect(left?.isActive).toBe(false);
    expect(left?.leftAt).toBeInstanceOf(Date);
    expect((await listActiveGuilds(db)).map((g) => g.guildId)).not.toContain(GUILD_A);

    expect(await reactivateGuild(db, GUILD_A)).toBe(true);
    expect((await findGuild(db, GUILD_A))?.leftAt).toBeNull();

    await markGuildInactive(db, GUILD_A);
    const back = await upsertGuild(db, { guildId: GUILD_A, guildName: 'Alpha renamed', addedByUserId: '42' });
    expect(back).toMatchObject({ guildId: GUILD_A, guildName: 'Alpha renamed', isActive: true, leftAt: null, addedByUserId: USER });
  });
});

describe('audit log', () => {
  it('GIVEN entries of two guilds THEN each guild lists only its own, newest first, paged by id', async () => {
    await upsertGuild(db, { guildId: GUILD_A, guildName: 'Alpha' });
    const first = await appendAuditLog(db, { guildId: GUILD_A, actorUserId: USER, action: 'access.grant', target: '42', after: { active: true } });
    await appendAuditLog(db, { guildId: GUILD_B, actorUserId: USER, action: 'access.grant', target: '43' });
    const second = await appendAuditLog(db, {
      guildId: GUILD_A,
      actorUserId: USER,
      action: 'settings.update',
      target: 'polls',
      before: { max: 3 },
      after: { max: 5 },
    });
    await appendAuditLog(db, { guildId: null, actorUserId: USER, action: 'pricing.update', target: 'openai/gpt-test' });

    const entries = await listAuditLog(db, GUILD_A);
    expect(entries.map((e) => e.id)).toEqual([second.id, first.id]);
    expect(entries[0]).toMatchObject({ actorUserId: USER, before: { max: 3 }, after: { max: 5 } });
    expect((await listAuditLog(db, GUILD_A, { beforeId: second.id })).map((e) => e.id)).toEqual([first.id]);
    expect((await listAuditLog(db, GUILD_A, { action: 'access.grant' })).map((e) => e.target)).toEqual(['42']);
    expect((await listAuditLog(db, null)).map((e) => e.action)).toEqual(['pricing.update']);
  });

  it('GIVEN an appended entry THEN it is returned as stored, AND absent before/after/metadata are SQL NULL, not JSON null', async () => {
    await upsertGuild(db, { guildId: GUILD_A, guildName: 'Alpha' });
    const entry = await appendAuditLog(db, {
      guildId: GUILD_A,
      actorUserId: USER,
      action: 'settings.update',
      target: 'polls',
      after: { max: 5, title: "it's" },
    });
    expect(entry).toMatchObject({
      guildId: GUILD_A,
      actorUserId: USER,
      action: 'settings.update',
      target: 'polls',
      before: null,
      after: { max: 5, title: "it's" },
      metadata: null,
    });
    expect(entry.createdAt).toBeInstanceOf(Date);
    const [stored] = await listAuditLog(db, GUILD_A, { limit: 1 });
    expect(stored).toMatchObject({ id: entry.id, after: { max: 5, title: "it's" } });
    const [nulls] = await db
      .fork()
      .getConnection()
      .execute('select "before" is null as b, "metadata" is null as m, "after" is null as a from "audit_log" where "id" = ?', [entry.id]);
    expect(nulls).toEqual({ b: true, m: true, a: false });
  });
});

describe('createPostgresSettingsStore', () => {
  it('GIVEN writes for two guilds THEN reads are isolated per guild and a second write replaces the first', async () => {
    await upsertGuild(db, { guildId: GUILD_A, guildName: 'Alpha' });
    await upsertGuild(db, { guildId: GUILD_B, guildName: 'Beta' });
    const store = createPostgresSettingsStore(db);

    expect(await store.read(GUILD_A, 'polls')).toBeUndefined();
    expect(await store.readAll(GUILD_A)).toEqual({});

    await store.write(GUILD_A, 'polls', { maxOptions: 5, title: 'it\'s "quoted"' });
    await store.write(GUILD_A, 'core', { locale: 'en' });
    await store.write(GUILD_B, 'polls', { maxOptions: 9 });
    await store.write(GUILD_A, 'polls', { maxOptions: 6 });

    expect(await store.read(GUILD_A, 'polls')).toEqual({ maxOptions: 6 });
    expect(await store.read(GUILD_B, 'polls')).toEqual({ maxOptions: 9 });
    expect(await store.readAll(GUILD_A)).toEqual({ core: { locale: 'en' }, polls: { maxOptions: 6 } });
    expect(await store.readAll(GUILD_B)).toEqual({ polls: { maxOptions: 9 } });
    const [count] = await db.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from guild_settings');
    expect(count?.n).toBe('3');
  });

  it('GIVEN writeMany THEN every namespace and every audit entry is stored in one go, JSON null as SQL NULL', async () => {
    await upsertGuild(db, { guildId: GUILD_C, guildName: 'Gamma' });
    const store = createPostgresSettingsStore(db);
    await store.writeMany(GUILD_C, { polls: { maxOptions: 3 }, core: { locale: 'fr' } }, [
      { guildId: GUILD_C, actorUserId: USER, action: 'settings.update', target: 'polls', before: null, after: { maxOptions: 3 } },
      { guildId: GUILD_C, actorUserId: USER, action: 'settings.update', target: 'core', after: { locale: 'fr' }, metadata: { via: "it's" } },
    ]);
    expect(await store.readAll(GUILD_C)).toEqual({ core: { locale: 'fr' }, polls: { maxOptions: 3 } });
    const rows = await db
      .fork()
      .getConnection()
      .execute(
        `select actor_user_id::text as actor, target, before, after, metadata from audit_log where guild_id = ? and action = 'settings.update' order by id`,
        [GUILD_C],
      );
    expect(rows).toEqual([
      { actor: USER, target: 'polls', before: null, after: { maxOptions: 3 }, metadata: null },
      { actor: USER, target: 'core', before: null, after: { locale: 'fr' }, metadata: { via: "it's" } },
    ]);
  });

  it('GIVEN writeMany THEN it answers every stored namespace of the guild after the write, those it did not write included', async () => {
    const store = createPostgresSettingsStore(db);
    const result = await store.writeMany(GUILD_C, { polls: { maxOptions: 4 } });
    expect(result).toEqual({ written: true, stored: await store.readAll(GUILD_C) });
    expect(Object.keys(result.stored!).sort()).toEqual(['core', 'polls']);
    expect((await store.readAllWithRevision(GUILD_C)).revision).toBe(settingsRevision(result.stored!));
  });

  it('GIVEN writeMany whose audit entry the database refuses THEN no namespace is stored either', async () => {
    const store = createPostgresSettingsStore(db);
    const before = await store.readAll(GUILD_C);
    const error = await store
      .writeMany(GUILD_C, { polls: { maxOptions: 9 }, extra: { on: true } }, [{ guildId: GUILD_C, actorUserId: 'not-a-snowflake', action: 'settings.update' }])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(await store.readAll(GUILD_C)).toEqual(before);
    const unknown = await store.writeMany('556', { polls: {} }).catch((caught: unknown) => caught);
    expect(isBaselineError(unknown, 'BL_ERR_DB_GUILD_UNKNOWN')).toBe(true);
  });

  it('GIVEN a guild without a guilds row THEN a write fails with BL_ERR_DB_GUILD_UNKNOWN', async () => {
    const error = await createPostgresSettingsStore(db)
      .write('555', 'polls', {})
      .catch((e: unknown) => e);
    expect(isBaselineError(error, 'BL_ERR_DB_GUILD_UNKNOWN')).toBe(true);
  });
});
