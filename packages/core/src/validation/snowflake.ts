import { z } from 'zod';

/** The largest value PostgreSQL's `bigint` holds, and so the largest Discord id or row id baseline stores: 2^63-1. */
export const MAX_BIGINT_ID = 2n ** 63n - 1n;

/**
 * True when `value` is a decimal id that fits PostgreSQL's `bigint`: 1 to 2^63-1, no sign, no leading zero.
 * Anything else would reach the database as `value … is out of range for type bigint`.
 */
export function isBigintId(value: string): boolean {
  return /^[1-9]\d{0,18}$/.test(value) && BigInt(value) <= MAX_BIGINT_ID;
}

/**
 * A Discord snowflake as a string: 17 to 20 digits (the form Discord has used since 2015) whose value lies in
 * 1..2^63-1, the range of the `bigint` columns it is stored in. `99999999999999999999` matches the digit pattern
 * but is refused.
 *
 * @example
 * ```ts
 * z.object({ guild_id: snowflake() }).parse({ guild_id: '123456789012345678' });
 * ```
 */
export function snowflake(): z.ZodString {
  return (
    z
      .string()
      .regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)')
      // Only ids of the right form are range-checked, so a malformed id gets one message, not two.
      .refine((value) => !/^\d{17,20}$/.test(value) || isBigintId(value), 'must be a Discord id no larger than 9223372036854775807')
  );
}

/** A row id of a `bigserial` column as a decimal string (`1` to `9223372036854775807`), e.g. a page cursor. */
export function bigintId(): z.ZodString {
  return z.string().refine(isBigintId, 'must be a positive integer no larger than 9223372036854775807');
}
