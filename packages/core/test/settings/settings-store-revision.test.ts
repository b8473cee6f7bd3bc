import { describe, expect, it } from 'vitest';
import { isBaselineError } from '../../src/errors/baseline-error.js';
import { settingsRevision } from '../../src/settings/settings-revision.js';
import { nativeConnection } from '../database/native-connection.js';
import { usePostgresSettingsStore } from './postgres-settings-store.js';

const GUILD = '1234567890123456789';
const OTHER = '1234567890123456780';

const pg = usePostgresSettingsStore([GUILD, OTHER]);

describe('settings revisions on PostgreSQL', () => {
  it('GIVEN stored settings THEN the revision follows their content only, whatever the key order or guild', async () => {
    const empty = await pg.store.readAllWithRevision(GUILD);
    expect(empty).toEqual({ values: {}, revision: settingsRevision({}) });
    await pg.store.writeMany(GUILD, { polls: { max: 5, title: 'Q' }, core: { locale: 'en' } });
    const first = await pg.store.readAllWithRevision(GUILD);
    expect(first.values).toEqual({ core: { locale: 'en' }, polls: { max: 5, title: 'Q' } });
    expect(first.revision).toMatch(/^[0-9a-f]{64}$/);
    expect(first.revision).not.toBe(empty.revision);
    // The same content written again, keys in another order: same revision. Another guild with it: same revision.
    await pg.store.writeMany(GUILD, { polls: { title: 'Q', max: 5 } });
    expect((await pg.store.readAllWithRevision(GUILD)).revision).toBe(first.revision);
    await pg.store.writeMany(OTHER, { core: { locale: 'en' }, polls: { max: 5, title: 'Q' } });
    expect((await pg.store.readAllWithRevision(OTHER)).revision).toBe(first.revision);
    await pg.store.write(GUILD, 'polls', { max: 6, title: 'Q' });
    expect((await pg.store.readAllWithRevision(GUILD)).revision).not.toBe(first.revision);
  });

  it('GIVEN ifRevision THEN a current revision writes AND a stale one stores nothing, audit included', async () => {
    const { revision } = await pg.store.readAllWithRevision(GUILD);
    const audit = [{ guildId: GUILD, actorUserId: null, action: 'settings.update', target: 'polls' }];
    const result = await pg.store.writeMany(GUILD, { polls: { max: 7 } }, audit, { ifRevision: revision });
    const after = await pg.store.readAllWithRevision(GUILD);
    expect(after.values.polls).toEqual({ max: 7 });
    expect(result).toEqual({ written: true, stored: after.values });
    const auditCount = async () =>
      Number((await pg.db.fork().execute<{ n: string }[]>('select count(*) as n from audit_log where guild_id = ?', [GUILD]))[0]!.n);
    const logged = await auditCount();
    expect(await pg.store.writeMany(GUILD, { polls: { max: 8 } }, audit, { ifRevision: revision })).toEqual({ written: false });
    expect((await pg.store.readAllWithRevision(GUILD)).values.polls).toEqual({ max: 7 });
    expect(await auditCount()).toBe(logged);
  });

  it('GIVEN ten conditional writes racing with one revision THEN exactly one is stored', async () => {
    const { revision } = await pg.store.readAllWithRevision(GUILD);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => pg.store.writeMany(GUILD, { race: { winner: index } }, [], { ifRevision: revision })),
    );
    const winners = results.flatMap((result, index) => (result.written ? [index] : []));
    expect(winners).toHaveLength(1);
    expect((await pg.store.readAllWithRevision(GUILD)).values.race).toEqual({ winner: winners[0] });
  });

  it('GIVEN a conditional write for a guild without a guilds row THEN BL_ERR_DB_GUILD_UNKNOWN', async () => {
    const error = await pg.store.writeMany('555', { polls: {} }, [], { ifRevision: settingsRevision({}) }).catch((caught: unknown) => caught);
    expect(isBaselineError(error, 'BL_ERR_DB_GUILD_UNKNOWN')).toBe(true);
  });

  it('GIVEN a conditional write caught in a deadlock with a writer inserting a first namespace THEN it runs again and answers', async () => {
    // The conditional write locks the guild's row, then waits for a settings row another transaction holds; that
    // transaction then inserts the guild's first row of a new namespace, whose foreign-key check waits for the guild's
    // row. PostgreSQL breaks the cycle by aborting the conditional write (it waited first), which runs again after
    // the other commits and finds the settings changed.
    await pg.store.writeMany(OTHER, { held: { n: 1 } });
    const { revision } = await pg.store.readAllWithRevision(OTHER);
    const other = await nativeConnection(pg.db);
    try {
      await other.query('begin');
      await other.query(`update guild_settings set setting_value = '{"n": 2}' where guild_id = $1 and setting_key = 'held'`, [OTHER]);
      const conditional = pg.store.writeMany(OTHER, { held: { n: 3 } }, [], { ifRevision: revision }).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query(`insert into guild_settings (guild_id, setting_key, setting_value) values ($1, 'fresh', '{}')`, [OTHER]);
      await other.query('commit');
      expect(await conditional).toEqual({ written: false });
      expect((await pg.store.readAll(OTHER)).held).toEqual({ n: 2 });
    } finally {
      other.release();
    }
  });
});
