import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bigintId, findUnsafeText, hasUnsafeCharacters, isoDateInput, loadConfig, safeText, snowflake } from '../../src/index.js';

describe('validation of untrusted input', () => {
  it('GIVEN snowflakes at and beyond the bigint range THEN only 17 to 20 digits within 1..2^63-1 pass', () => {
    const schema = snowflake();
    for (const ok of ['12345678901234567', '123456789012345678', '9223372036854775807']) expect(schema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['9223372036854775808', '99999999999999999999', '1234', '-123456789012345678', '１２３４５６７８９０１２３４５６７８', '']) {
      expect(schema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('GIVEN row ids THEN 1..2^63-1 without sign or leading zero pass', () => {
    const schema = bigintId();
    for (const ok of ['1', '42', '9223372036854775807']) expect(schema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0', '007', '9223372036854775808', '1e3', ' 1', '']) expect(schema.safeParse(bad).success, bad).toBe(false);
  });

  it('GIVEN NUL characters and lone surrogates THEN they are found at any depth, in keys and values', () => {
    expect(hasUnsafeCharacters('a\u0000b')).toBe(true);
    expect(hasUnsafeCharacters('\uD800')).toBe(true);
    expect(hasUnsafeCharacters('x\uDC00')).toBe(true);
    expect(hasUnsafeCharacters('\uD83D\uDE00 ok')).toBe(false);
    expect(findUnsafeText({ a: [1, 'fine', { b: 'bad\u0000' }] })).toEqual(['a', 2, 'b']);
    expect(findUnsafeText({ ['k\uD800']: 1 })).toEqual(['k\uD800']);
    expect(findUnsafeText({ a: ['\uD83D\uDE00'] })).toBeUndefined();
    expect(safeText({ max: 3 }).safeParse('abcd').success).toBe(false);
    expect(safeText().safeParse('a\u0000').success).toBe(false);
  });

  it('GIVEN dates outside 1970..9999 THEN they are refused, AND ordinary dates and date-times pass', () => {
    const schema = isoDateInput();
    for (const ok of ['2026-05-01', '2026-05-01T12:00:00Z', '1970-01-01', '9999-12-31T23:59:59+00:00']) expect(schema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0000-01-01', '1969-12-31', '2026-13-01', 'yesterday', '2026-05-01T12:00:00']) expect(schema.safeParse(bad).success, bad).toBe(false);
  });

  it('GIVEN MAIN_GUILD_ID beyond 2^63-1 THEN the configuration is refused with BL_ERR_CONFIG_INVALID', () => {
    expect(() => loadConfig({ env: { MAIN_GUILD_ID: '99999999999999999999' }, envFiles: false })).toThrow(
      expect.objectContaining({ code: 'BL_ERR_CONFIG_INVALID' }),
    );
    expect(loadConfig({ env: { MAIN_GUILD_ID: '123456789012345678' }, envFiles: false }).discord.mainGuildId).toBe('123456789012345678');
    expect(z.object({ id: snowflake() }).safeParse({ id: '123456789012345678' }).success).toBe(true);
  });
});
