import { describe, expect, it } from 'vitest';
import type { GuildAccessCache } from '../../src/access/guild-access-cache.js';
import type { GuildAccessFacts } from '@baseline/core';
import { authorizeDeveloper, authorizeGuild } from '../../src/http/pipeline/authorize.js';
import { testCaller } from '../support/test-caller.js';

const GUILD = '123456789012345678';

/** Guild access facts as the cache would serve them (`cached`) and as PostgreSQL holds them now (`current`). */
function accessOf(cached: GuildAccessFacts | undefined, current: GuildAccessFacts | undefined, servedFromCache = true) {
  const loads: string[] = [];
  const cache: GuildAccessCache = {
    read: async () => ({ facts: servedFromCache ? cached : current, cached: servedFromCache }),
    load: async (guildId, version) => {
      loads.push(`${guildId}@${version}`);
      return current;
    },
    holdsAuthorized: () => false,
    changed: async () => {},
  };
  return { cache, loads };
}

const facts = (...userIds: string[]): GuildAccessFacts => ({ isActive: true, authorizedUserIds: new Set(userIds) });

async function outcome(run: Promise<void>): Promise<string> {
  try {
    await run;
    return 'allowed';
  } catch (error) {
    return `${(error as { status: number }).status} ${(error as { code: string }).code}`;
  }
}

describe('authorizeGuild', () => {
  it('GIVEN an authorized user in the cached facts THEN access is allowed without reading PostgreSQL', async () => {
    const { cache, loads } = accessOf(facts('alice'), facts());
    expect(await outcome(authorizeGuild(cache, 'guild', testCaller('alice'), GUILD, 'v1'))).toBe('allowed');
    expect(loads).toEqual([]);
  });

  it('GIVEN a denial from cached facts THEN it is confirmed against PostgreSQL, which may allow a grant made outside the API', async () => {
    const { cache, loads } = accessOf(facts(), facts('mallory'));
    expect(await outcome(authorizeGuild(cache, 'guild', testCaller('mallory'), GUILD, 'v2'))).toBe('allowed');
    expect(loads).toEqual([`${GUILD}@v2`]);
  });

  it('GIVEN a denial read from PostgreSQL itself THEN 403 without a second read', async () => {
    const { cache, loads } = accessOf(undefined, facts('alice'), false);
    expect(await outcome(authorizeGuild(cache, 'guild', testCaller('mallory'), GUILD, 'v1'))).toBe('403 BL_ERR_API_FORBIDDEN');
    expect(loads).toEqual([]);
  });

  it('GIVEN the developer team THEN guild routes allow them AND guild-authorized routes refuse them', async () => {
    const { cache } = accessOf(facts('alice'), facts('alice'));
    expect(await outcome(authorizeGuild(cache, 'guild', testCaller('dev', { isDeveloper: true }), GUILD, 'v1'))).toBe('allowed');
    expect(await outcome(authorizeGuild(cache, 'guild-authorized', testCaller('dev', { isDeveloper: true }), GUILD, 'v1'))).toBe('403 BL_ERR_API_FORBIDDEN');
  });

  it('GIVEN an authorized user of a guild the bot left THEN 404', async () => {
    const left = { isActive: false, authorizedUserIds: new Set(['alice']) };
    const { cache } = accessOf(left, left);
    expect(await outcome(authorizeGuild(cache, 'guild', testCaller('alice'), GUILD, 'v1'))).toBe('404 BL_ERR_API_NOT_FOUND');
  });
});

describe('authorizeDeveloper', () => {
  it('GIVEN a developer route THEN only the developer team passes', async () => {
    expect(await outcome(Promise.resolve().then(() => authorizeDeveloper('developer', testCaller('dev', { isDeveloper: true }))))).toBe('allowed');
    expect(await outcome(Promise.resolve().then(() => authorizeDeveloper('developer', testCaller('alice'))))).toBe('403 BL_ERR_API_FORBIDDEN');
  });

  it('GIVEN a user route THEN anyone signed in passes', () => {
    expect(() => authorizeDeveloper('user', testCaller('alice'))).not.toThrow();
  });
});
