import { bigintId, isoDateInput, safeText, snowflake as snowflakeSchema } from '@baseline/core';
import { z } from 'zod';

/*
 * The API's input building blocks, all from core's one validation of untrusted input: ids that fit PostgreSQL's
 * bigint, strings free of NUL characters and lone surrogates with a bounded length, dates within 1970..9999.
 * Every route's params, query and body are built from these; the pipeline also refuses NUL and lone surrogates in
 * any decoded input whatever its schema (see `register-route.ts`), which covers plugin routes.
 */

/** A Discord snowflake: 17 to 20 digits, within 1..2^63-1. */
export const snowflake = snowflakeSchema();

export const guildParams = z.object({ guild_id: snowflake });

/** A row id used as a page cursor (`before=`), within 1..2^63-1. */
export const rowId = bigintId();

/** Bounded text free of NUL characters and lone surrogates. */
export const text = (max: number, min = 0) => safeText({ min, max });

/** A date or date-time with an offset, within 1970..9999. */
export const dateInput = isoDateInput();

/** An ISO 8601 timestamp string in responses. */
export const timestamp = z.string().meta({ format: 'date-time' });

/** A decimal amount as a string (USD); never a float. */
export const decimalString = z.string().regex(/^\d{1,8}(\.\d{1,12})?$/, 'must be a decimal number as a string, e.g. "0.0025"');

/** Dates as ISO strings whatever the driver returned. */
export function iso(value: Date | string): string;
export function iso(value: Date | string | null | undefined): string | null;
export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
