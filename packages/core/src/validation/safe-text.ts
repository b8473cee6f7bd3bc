import { z } from 'zod';

// A NUL byte, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when `value` holds a NUL character or a lone UTF-16 surrogate. Neither can be stored by PostgreSQL (`text`
 * refuses NUL, `jsonb` refuses `\u0000` and unpaired surrogates) nor encoded as UTF-8, so untrusted input carrying
 * one is refused at the edge instead of failing deep inside a query.
 */
export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE.test(value);
}

/** The message every refusal of {@link hasUnsafeCharacters} carries. */
export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** Default upper bound of {@link safeText}, in UTF-16 code units. */
export const DEFAULT_TEXT_MAX = 1_000;

/**
 * A string free of NUL characters and lone surrogates, at most `max` long.
 *
 * @param options.min - shortest length accepted. @default 0
 * @param options.max - longest length accepted. @default 1000
 * @example
 * ```ts
 * const query = z.object({ action: safeText({ max: 64 }).optional() });
 * ```
 */
export function safeText(options: { min?: number; max?: number } = {}): z.ZodString {
  return z
    .string()
    .min(options.min ?? 0)
    .max(options.max ?? DEFAULT_TEXT_MAX)
    .refine((value) => !hasUnsafeCharacters(value), UNSAFE_TEXT_MESSAGE);
}

/**
 * The path of the first string (object key or value, at any depth) holding a NUL character or a lone surrogate
 * in `value`, or `undefined` when there is none. Used where a whole decoded input must be checked whatever its
 * schema, e.g. a JSON body before it reaches a `jsonb` column.
 *
 * @returns the path as a list of keys and indexes (`[]` when `value` itself is the string)
 */
export function findUnsafeText(value: unknown, path: Array<string | number> = []): Array<string | number> | undefined {
  if (typeof value === 'string') return hasUnsafeCharacters(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnsafeCharacters(key)) return [...path, key];
      const found = findUnsafeText(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
