import { z } from 'zod';
import { snowflake as snowflakeSchema } from '../validation/snowflake.js';

/*
 * Small zod building blocks for environment variables. Every parser takes the raw string (already trimmed,
 * empty strings removed) and either returns the typed value or pushes a custom issue whose message is a
 * short detail appended to the variable's "expected …" text by ConfigError.
 */

type Ctx = z.core.$RefinementCtx<string>;

function fail(ctx: Ctx, detail: string): never {
  ctx.issues.push({ code: 'custom', message: detail, input: ctx.value });
  return z.NEVER;
}

/** A Discord snowflake (17 to 20 digits, at most 2^63-1), kept as a string: the rule every untrusted id follows. */
export const snowflake = snowflakeSchema;

/** A base-10 integer within [min, max]. */
export const integer = (min: number, max: number) =>
  z.string().transform((raw, ctx) => {
    if (!/^-?\d+$/.test(raw)) return fail(ctx, 'not an integer');
    const value = Number(raw);
    if (value < min || value > max) return fail(ctx, 'out of range');
    return value;
  });

/** A TCP port, 0 to 65535. */
export const port = () => integer(0, 65_535);

/** `true/false`, `1/0`, `yes/no`, `on/off`, case-insensitive. */
export const boolean = () =>
  z.string().transform((raw, ctx) => {
    const value = raw.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    return fail(ctx, 'not a boolean');
  });

/** An absolute URL whose scheme is one of `protocols` (without the colon). */
export const url = (protocols: readonly string[]) =>
  z.string().transform((raw, ctx) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return fail(ctx, 'not a URL');
    }
    if (!protocols.includes(parsed.protocol.slice(0, -1))) return fail(ctx, `unsupported scheme "${parsed.protocol}"`);
    return raw;
  });

/** Splits a comma-separated list, trimming items and dropping empty ones. */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Comma-separated web origins (`scheme://host[:port]`), normalised through `URL#origin`. */
export const origins = () =>
  z.string().transform((raw, ctx) => {
    const result: string[] = [];
    for (const item of splitList(raw)) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(item);
      } catch {
        parsed = undefined;
      }
      if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        return fail(ctx, `"${item}" is not an http(s) origin`);
      }
      if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') {
        return fail(ctx, `"${item}" has a path; an origin is only scheme://host[:port]`);
      }
      if (!result.includes(parsed.origin)) result.push(parsed.origin);
    }
    return result;
  });

/** Shard ids: comma-separated integers and inclusive ranges, e.g. `0,1,4-7`. Sorted, without duplicates. */
export const shardIds = () =>
  z.string().transform((raw, ctx) => {
    const ids = new Set<number>();
    for (const item of splitList(raw)) {
      const match = /^(\d+)(?:-(\d+))?$/.exec(item);
      if (match === null) return fail(ctx, `"${item}" is neither an id nor a range`);
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (to < from) return fail(ctx, `range "${item}" runs backwards`);
      if (to - from > 100_000) return fail(ctx, `range "${item}" is too large`);
      for (let id = from; id <= to; id += 1) ids.add(id);
    }
    return [...ids].sort((a, b) => a - b);
  });
