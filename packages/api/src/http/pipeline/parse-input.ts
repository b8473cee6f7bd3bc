import { findUnsafeText, isBigintId, UNSAFE_TEXT_MESSAGE } from '@baseline/core';
import type { z } from 'zod';
import { API_ERROR_CODES, ApiError, type FieldError } from '../../errors/api-error.js';
import { fieldErrorsOf } from '../../errors/error-body.js';

/** The part of a request a schema validates. */
export type InputPart = 'params' | 'query' | 'body';

const SNOWFLAKE = /^\d{17,20}$/;

/** The refusal for an invalid part: 422 for the body, 400 for the path and query. */
export function invalidInput(where: InputPart, fields: FieldError[]): ApiError {
  if (where === 'body') return new ApiError(API_ERROR_CODES.validation, 'invalid body', { status: 422, fields });
  return new ApiError(API_ERROR_CODES.invalidRequest, `invalid ${where === 'params' ? 'path parameters' : where}`, { status: 400, fields });
}

/**
 * Validates one part of a request: first that no string in it (key or value, at any depth) holds a NUL character or a
 * lone surrogate, whatever the route's schema (PostgreSQL refuses both), then the route's zod schema. A body is
 * required whenever the route declares one: a missing body or `null` is refused rather than read as `{}`.
 *
 * @returns the schema's output, or `undefined` when the route declares no schema for this part
 * @throws ApiError `BL_ERR_API_INVALID_REQUEST` (400) for the path and query, `BL_ERR_API_VALIDATION` (422) for the body
 */
export function parseInput(schema: z.ZodType | undefined, value: unknown, where: InputPart): unknown {
  if (schema === undefined) return undefined;
  if (where === 'body' && (value === undefined || value === null)) throw invalidInput('body', [{ path: 'body', message: 'a JSON body is required' }]);
  const unsafe = findUnsafeText(value);
  if (unsafe !== undefined) throw invalidInput(where, [{ path: [where, ...unsafe.map(String)].join('.'), message: UNSAFE_TEXT_MESSAGE }]);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidInput(where, fieldErrorsOf(result.error.issues, where));
}

/**
 * The `guild_id` path parameter read straight from the raw path, before any schema ran: returned only when it is a
 * Discord id PostgreSQL can hold (17 to 20 digits, at most a bigint), so it is safe as a key for the request gate.
 */
export function rawGuildIdOf(params: unknown): string | undefined {
  const raw = (params as { guild_id?: unknown } | undefined)?.guild_id;
  return typeof raw === 'string' && SNOWFLAKE.test(raw) && isBigintId(raw) ? raw : undefined;
}

/**
 * The guild id of a guild-scoped route, refused when it is not a Discord id: a plugin's own `guild_id` schema may be
 * laxer than a bigint, and such an id must never reach an access check.
 *
 * @throws ApiError `BL_ERR_API_INVALID_REQUEST` (400)
 */
export function requireGuildId(guildId: string | undefined): string {
  if (guildId !== undefined) return guildId;
  throw invalidInput('params', [{ path: 'params.guild_id', message: 'must be a Discord id (17 to 20 digits, at most 9223372036854775807)' }]);
}
