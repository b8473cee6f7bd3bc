import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../src/errors/api-error.js';
import { parseInput, rawGuildIdOf, requireGuildId } from '../../src/http/pipeline/parse-input.js';

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseInput', () => {
  const schema = z.object({ name: z.string().min(2) });

  it('GIVEN no schema THEN the part is ignored and undefined is returned', () => {
    expect(parseInput(undefined, { anything: 1 }, 'query')).toBeUndefined();
  });

  it('GIVEN a valid part THEN the schema output is returned', () => {
    expect(parseInput(z.object({ n: z.coerce.number() }), { n: '7' }, 'query')).toEqual({ n: 7 });
  });

  it('GIVEN an invalid body THEN 422 BL_ERR_API_VALIDATION names the field', () => {
    const error = refusal(() => parseInput(schema, { name: 'x' }, 'body'));
    expect(error).toMatchObject({ code: 'BL_ERR_API_VALIDATION', status: 422 });
    expect(error.fields?.map((field) => field.path)).toEqual(['body.name']);
  });

  it('GIVEN invalid path parameters or query THEN 400 BL_ERR_API_INVALID_REQUEST', () => {
    expect(refusal(() => parseInput(schema, {}, 'params'))).toMatchObject({ code: 'BL_ERR_API_INVALID_REQUEST', status: 400 });
    expect(refusal(() => parseInput(schema, {}, 'query'))).toMatchObject({ code: 'BL_ERR_API_INVALID_REQUEST', status: 400 });
  });

  it('GIVEN a route with a body schema AND no body or null THEN 422 says a JSON body is required', () => {
    for (const missing of [undefined, null]) {
      const error = refusal(() => parseInput(z.unknown(), missing, 'body'));
      expect(error).toMatchObject({ code: 'BL_ERR_API_VALIDATION', status: 422 });
      expect(error.fields).toEqual([{ path: 'body', message: 'a JSON body is required' }]);
    }
  });

  it('GIVEN a NUL character in a key at any depth THEN the part is refused even when the schema accepts anything', () => {
    const error = refusal(() => parseInput(z.unknown(), { outer: { 'in\u0000ner': 'x' } }, 'body'));
    expect(error.status).toBe(422);
    expect(error.fields?.[0]?.path).toMatch(/^body\.outer/);
  });
});

describe('guild ids from the path', () => {
  it('GIVEN a snowflake that fits a bigint THEN it is trusted for the gate', () => {
    expect(rawGuildIdOf({ guild_id: '123456789012345678' })).toBe('123456789012345678');
  });

  it('GIVEN ids that are too short, past 64 bits or not strings THEN none is trusted', () => {
    for (const guild_id of ['1234', '99999999999999999999', 1234, undefined]) expect(rawGuildIdOf({ guild_id })).toBeUndefined();
    expect(rawGuildIdOf(undefined)).toBeUndefined();
  });

  it('GIVEN no trusted guild id on a guild route THEN 400 names params.guild_id', () => {
    expect(requireGuildId('123456789012345678')).toBe('123456789012345678');
    const error = refusal(() => requireGuildId(undefined));
    expect(error).toMatchObject({ code: 'BL_ERR_API_INVALID_REQUEST', status: 400 });
    expect(error.fields?.[0]?.path).toBe('params.guild_id');
  });
});
