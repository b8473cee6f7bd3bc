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
