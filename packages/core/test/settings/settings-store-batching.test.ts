import { describe, expect, it, vi } from 'vitest';
import { isBaselineError } from '../../src/errors/baseline-error.js';
import { settingsRevision } from '../../src/settings/settings-revision.js';
import { nativeConnection } from '../database/native-connection.js';
import { usePostgresSettingsStore } from './postgres-settings-store.js';

// Unconditional writeMany calls made in one turn of the event loop are committed by one statement (the group
// commit of settings-store.ts), and the readAll calls of one turn share one query. Rows inserted by one transaction
// share their `xmin`: that is how these tests see which writes were committed together.
const ALPHA = '2234567890123456789';
const BETA = '2234567890123456780';

const pg = usePostgresSettingsStore([ALPHA, BETA]);

const audit = (guildId: string, target: string, actorUserId: string | null = null, after?: Record<string, unknown>) => [
  { guildId, actorUserId, action: 'group.test', target, ...(after ? { after } : {}) },
];

async function auditRows(target: string): Promise<Array<{ guild_id: string; xmin: string; after: unknown }>> {
  return pg.db
    .fork()
    .execute<Array<{ guild_id: string; xmin: string; after: unknown }>>(
      `select guild_id::text as guild_id, xmin::text as xmin, "after" from audit_log where target = ? order by id`,
      [target],
    );
}

describe('group commit of settings writes', () => {
  it('GIVEN writes made in one turn THEN one transaction stores them AND each answer is the guild as its own write left it', async () => {
    await pg.store.writeMany(ALPHA, { seen: { n: 0 } });
    const results = await Promise.all([
      pg.store.writeMany(ALPHA, { one: { n: 1 } }, audit(ALPHA, 'turn')),
      pg.store.writeMany(BETA, { one: { n: 2 } }, audit(BETA, 'turn')),
      pg.store.writeMany(ALPHA, { two: { n: 3 }, one: { n: 4 } }, audit(ALPHA, 'turn')),
      pg.store.writeMany(ALPHA, { three: { n: 5 } }, audit(ALPHA, 'turn')),
    ]);
    const rows = await auditRows('turn');
    expect(rows.map((row) => row.guild_id)).toEqual([ALPHA, BETA, ALPHA, ALPHA]);
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
    // As if committed one after another in call order: each answer holds the earlier writes to its guild, not the later.
    expect(results.map((result) => result.stored)).toEqual([
      { seen: { n: 0 }, one: { n: 1 } },
      { one: { n: 2 } },
      { seen: { n: 0 }, one: { n: 4 }, two: { n: 3 } },
      { seen: { n: 0 }, one: { n: 4 }, two: { n: 3 }, three: { n: 5 } },
    ]);
    const alpha = await pg.store.readAllWithRevision(ALPHA);
    expect(alpha.values).toEqual(results[3]!.stored);
    expect(settingsRevision(results[3]!.stored!)).toBe(alpha.revision);
    expect(settingsRevision(results[1]!.stored!)).toBe((await pg.store.readAllWithRevision(BETA)).revision);
  });

  it('GIVEN writes in different turns THEN each commits on its own', async () => {
    await pg.store.writeMany(ALPHA, { apart: { n: 1 } }, audit(ALPHA, 'apart'));
    await pg.store.writeMany(ALPHA, { apart: { n: 2 } }, audit(ALPHA, 'apart'));
    const rows = await auditRows('apart');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.xmin).not.toBe(rows[1]!.xmin);
  });

  it('GIVEN keys in any order THEN each answer holds the values as stored, so its revision is the one a read computes', async () => {
    const results = await Promise.all([
      pg.store.writeMany(BETA, { order: { zz: 1, a: { y: 2, b: 3 }, bb: [3, 1] } }),
      pg.store.writeMany(BETA, { other: { long: true, s: 'x' } }),
    ]);
    const read = await pg.store.readAllWithRevision(BETA);
    expect(Object.keys(results[1]!.stored!.order!)).toEqual(Object.keys(read.values.order!));
    expect(Object.keys((results[1]!.stored!.order as { a: object }).a)).toEqual(['b', 'y']);
    expect(settingsRevision(results[1]!.stored!)).toBe(read.revision);
  });

  it('GIVEN one write of a turn for an unknown guild THEN it alone fails with BL_ERR_DB_GUILD_UNKNOWN AND the others are stored', async () => {
    const outcomes = await Promise.allSettled([
      pg.store.writeMany(ALPHA, { mixed: { n: 1 } }, audit(ALPHA, 'mixed')),
      pg.store.writeMany('557', { mixed: { n: 2 } }, audit('557', 'mixed')),
      pg.store.writeMany(BETA, { mixed: { n: 3 } }, audit(BETA, 'mixed')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(isBaselineError((outcomes[1] as PromiseRejectedResult).reason, 'BL_ERR_DB_GUILD_UNKNOWN')).toBe(true);
    expect((outcomes[2] as PromiseFulfilledResult<{ stored?: Record<string, unknown> }>).value.stored?.mixed).toEqual({ n: 3 });
    expect((await pg.store.readAll(ALPHA)).mixed).toEqual({ n: 1 });
    expect((await pg.store.readAll(BETA)).mixed).toEqual({ n: 3 });
    expect((await auditRows('mixed')).map((row) => row.guild_id)).toEqual([ALPHA, BETA]);
  });

  it('GIVEN one write of a turn whose audit row is refused THEN nothing of that write is stored AND the others are', async () => {
    const outcomes = await Promise.allSettled([
      pg.store.writeMany(ALPHA, { refused: { n: 1 } }, audit(ALPHA, 'refused', 'not-a-snowflake')),
      pg.store.writeMany(BETA, { refused: { n: 2 } }, audit(BETA, 'refused')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled']);
    expect((await pg.store.readAll(ALPHA)).refused).toBeUndefined();
    expect((await pg.store.readAll(BETA)).refused).toEqual({ n: 2 });
    expect((await auditRows('refused')).map((row) => row.guild_id)).toEqual([BETA]);
  });

  it('GIVEN one turn writing one namespace many times THEN at most 64 go in one statement AND every audit entry is kept', async () => {
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, n) => pg.store.writeMany(ALPHA, { counter: { n } }, audit(ALPHA, 'counter', null, { n }))),
    );
    expect(results.map((result) => result.stored?.counter)).toEqual(Array.from({ length: 150 }, (_, n) => ({ n })));
    const rows = await auditRows('counter');
    const values = rows.map((row) => (row.after as { n: number }).n);
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, n) => n));
    // Three statements (64, 64, 22), which run side by side like any concurrent writes: their order is the order in
    // which they take the row's lock. Within one, the entries keep call order and the last value is the one stored.
    const groups = new Map<string, typeof rows>();
    for (const row of rows) groups.set(row.xmin, [...(groups.get(row.xmin) ?? []), row]);
    expect([...groups.values()].map((group) => group.length).sort((a, b) => a - b)).toEqual([22, 64, 64]);
    for (const group of groups.values()) {
      const ns = group.map((row) => (row.after as { n: number }).n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
    const lastOfEach = [...groups.values()].map((group) => (group.at(-1)!.after as { n: number }).n);
    expect(lastOfEach).toContain(((await pg.store.readAll(ALPHA)).counter as { n: number }).n);
  });
});

describe('a write PostgreSQL aborts to break a deadlock', () => {
  it('GIVEN a write inserting a first namespace caught in a deadlock THEN it runs again and is stored', async () => {
    // Another transaction holds the guild's row, the write inserts its first `late` row and its foreign-key check
    // waits for the guild's row; that transaction then inserts the same row and waits for the write. PostgreSQL
    // aborts the write (it waited first); run again after the other commits, it stores its value over the other's.
    const other = await nativeConnection(pg.db);
    try {
      await other.query('begin');
      await other.query('select 1 from guilds where guild_id = $1 for update', [BETA]);
      const write = pg.store.writeMany(BETA, { late: { by: 'store' } }).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query(`insert into guild_settings (guild_id, setting_key, setting_value) values ($1, 'late', '{"by": "other"}')`, [BETA]);
      await other.query('commit');
      expect(((await write) as { stored?: Record<string, unknown> }).stored?.late).toEqual({ by: 'store' });
      expect((await pg.store.readAll(BETA)).late).toEqual({ by: 'store' });
    } finally {
      other.release();
    }
  });
});

describe('batched settings reads', () => {
  it('GIVEN reads of several guilds in one turn, one of them twice THEN each gets what it gets alone', async () => {
    await pg.store.writeMany(ALPHA, { read: { who: 'alpha' } });
    await pg.store.writeMany(BETA, { read: { who: 'beta' } });
    const alone = [await pg.store.readAll(ALPHA), await pg.store.readAll(BETA), await pg.store.readAll('2234567890123456000')];
    expect(alone[0]!.read).toEqual({ who: 'alpha' });
    expect(alone[2]).toEqual({});
    const together = await Promise.all([ALPHA, BETA, '2234567890123456000', ALPHA].map((guildId) => pg.store.readAll(guildId)));
    expect(together).toEqual([alone[0], alone[1], alone[2], alone[0]]);
    const revisions = await Promise.all([ALPHA, BETA].map((guildId) => pg.store.readAllWithRevision(guildId)));
    expect(revisions.map((read) => read.revision)).toEqual([settingsRevision(alone[0]!), settingsRevision(alone[1]!)]);
  });

  it('GIVEN a read of one turn with an id PostgreSQL refuses THEN it alone fails AND the others are answered', async () => {
    const outcomes = await Promise.allSettled([pg.store.readAll(ALPHA), pg.store.readAll('not-a-snowflake'), pg.store.readAll(BETA)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseFulfilledResult<Record<string, unknown>>).value.read).toEqual({ who: 'beta' });
  });

  it('GIVEN a write committed before a read is asked THEN the read of a batch sees it', async () => {
    await pg.store.writeMany(ALPHA, { fresh: { n: 1 } });
    const [first, second] = await Promise.all([pg.store.readAll(ALPHA), pg.store.readAll(BETA)]);
    expect(first!.fresh).toEqual({ n: 1 });
    expect(second!.fresh).toBeUndefined();
  });
});

describe('batching under a test clock', () => {
  it('GIVEN fake timers THEN writes and reads still complete without the clock moving', async () => {
    vi.useFakeTimers();
    try {
      const [written] = await Promise.all([pg.store.writeMany(ALPHA, { clock: { n: 1 } }), pg.store.writeMany(BETA, { clock: { n: 2 } })]);
      expect(written.stored?.clock).toEqual({ n: 1 });
      expect((await Promise.all([pg.store.readAll(ALPHA), pg.store.readAll(BETA)])).map((values) => values.clock)).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
