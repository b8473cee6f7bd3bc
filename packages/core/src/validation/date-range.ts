import { z } from 'zod';

/** The earliest instant accepted from untrusted input: 1970-01-01T00:00:00Z. */
export const EARLIEST_DATE = new Date(Date.UTC(1970, 0, 1));
/** The latest instant accepted from untrusted input: 9999-12-31T23:59:59.999Z. */
export const LATEST_DATE = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));

/** True when `date` is a valid instant within {@link EARLIEST_DATE} and {@link LATEST_DATE}. */
export function isSaneDate(date: Date): boolean {
  const time = date.getTime();
  return Number.isFinite(time) && time >= EARLIEST_DATE.getTime() && time <= LATEST_DATE.getTime();
}

/**
 * An ISO 8601 date (`2026-05-01`) or date-time with an offset (`2026-05-01T12:00:00Z`) within 1970 to 9999, kept as
 * the string given. Years such as `0000` parse in JavaScript but are refused by PostgreSQL's driver round trip.
 *
 * @example
 * ```ts
 * const range = z.object({ from: isoDateInput().optional(), to: isoDateInput().optional() });
 * ```
 */
export function isoDateInput(): z.ZodType<string, string> {
  return z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .refine((value) => isSaneDate(new Date(value)), 'must be a date between 1970-01-01 and 9999-12-31');
}
