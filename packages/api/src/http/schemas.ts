import { z } from 'zod';

/** A Discord snowflake: a decimal string of 17 to 20 digits. */
export const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

export const guildParams = z.object({ guild_id: snowflake });

/** An ISO 8601 timestamp string in responses. */
export const timestamp = z.string().meta({ format: 'date-time' });

/** A decimal amount as a string (USD); never a float. */
export const decimalString = z.string().regex(/^\d{1,8}(\.\d{1,12})?$/, 'must be a decimal number as a string, e.g. "0.0025"');

/** Dates as ISO strings whatever the driver returned. */
export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
