import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { bumpAccessVersions, guildAccessVersionKey, userAccessVersionKey } from '../../src/access/access-versions.js';
import * as core from '../../src/index.js';
import { createMemoryKeyValue } from '../../src/kv/create-memory-key-value.js';

describe('access versions', () => {
  const kv = createMemoryKeyValue({ prefix: 'bl_test:', logger: pino({ level: 'silent' }) });
  afterAll(() => kv.close());

  it('GIVEN the key format THEN it is the one API instances read (api:guild-access:<guild>, api:user-access:<user>)', () => {
    expect(guildAccessVersionKey('81384788765712384')).toBe('api:guild-access:81384788765712384');
    expect(userAccessVersionKey('42')).toBe('api:user-access:42');
    expect(core.bumpAccessVersions).toBe(bumpAccessVersions);
  });

  it('GIVEN a bump THEN every named guild and user gets a new, distinct version with an expiry of at least a day', async () => {
    await bumpAccessVersions(kv, { guildIds: ['1'], userIds: ['2'] });
    const first = await kv.mget([guildAccessVersionKey('1'), userAccessVersionKey('2')]);
    expect(first.every((value) => typeof value === 'string' && value.length > 0)).toBe(true);
    await bumpAccessVersions(kv, { guildIds: ['1', '1'], userIds: ['2', '3'] });
    const second = await kv.mget([guildAccessVersionKey('1'), userAccessVersionKey('2'), userAccessVersionKey('3')]);
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[2]).toBeDefined();
    expect(await kv.ttl(guildAccessVersionKey('1'))).toBeGreaterThan(86_000_000);
  });

  it('GIVEN minTtlMs longer than half a day THEN versions live at least twice that long', async () => {
    await bumpAccessVersions(kv, { userIds: ['9'] }, { minTtlMs: 100_000_000 });
    expect(await kv.ttl(userAccessVersionKey('9'))).toBeGreaterThan(199_000_000);
  });

  it('GIVEN nothing named THEN nothing is written', async () => {
    const before = [];
    for await (const key of kv.scan('api:')) before.push(key);
    await bumpAccessVersions(kv, {});
    const after = [];
    for await (const key of kv.scan('api:')) after.push(key);
    expect(after).toEqual(before);
  });
});
