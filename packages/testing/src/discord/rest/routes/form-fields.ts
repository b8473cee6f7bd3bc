import { z } from 'zod';

/**
 * A permission bit set as Discord takes it: a decimal string (or a number), read as a bigint. Anything else is
 * Discord's NUMBER_TYPE_COERCE "is not snowflake".
 */
export const snowflakeBits = z.union([z.string(), z.number()]).transform((value, context) => {
  try {
    if (typeof value === 'string' && !/^\d+$/.test(value)) throw new RangeError(value);
    return BigInt(value);
  } catch {
    context.addIssue({ code: 'custom', message: `Value "${String(value)}" is not snowflake.`, params: { discordCode: 'NUMBER_TYPE_COERCE' } });
    return z.NEVER;
  }
});

/** An optional field where `null` means the same as leaving it out. */
export function omittable<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/**
 * A value `accept` admits, or Discord's error `discordCode` with `message(value)`: for fields whose code Discord
 * names after the type it failed to coerce to (ENUM_TYPE_COERCE, BOOLEAN_TYPE_COERCE, …). A missing value is still
 * BASE_TYPE_REQUIRED.
 */
export function discordValue<T>(accept: (value: unknown) => value is T, discordCode: string, message: (value: unknown) => string) {
  return z.custom<T>(accept, { error: (issue) => message(issue.input), params: { discordCode } });
}

/** A snowflake id: 1 to 20 digits. */
export const snowflakeId = discordValue(
  (value): value is string => typeof value === 'string' && /^\d{1,20}$/.test(value),
  'NUMBER_TYPE_COERCE',
  (value) => `Value "${String(value)}" is not snowflake.`,
);
