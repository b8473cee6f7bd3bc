import { stdSerializers } from 'pino';
import { MIN_SECRET_LENGTH, REDACTED, SENSITIVE_KEY, TOKEN_SHAPES } from './secret-patterns.js';

/** Removes secrets from strings and from any value about to be logged. */
export interface Redactor {
  /** `text` with every secret replaced by `[REDACTED]`; the same string when nothing matched. */
  string(text: string): string;
  /**
   * `value` with secrets removed from every string, every sensitive key's value replaced and errors turned
   * into plain `{ type, message, stack, … }` objects. Never mutates `value`; returns it unchanged when
   * nothing needed redacting.
   */
  value(value: unknown): unknown;
}

const MAX_DEPTH = 10;

/**
 * Creates a redactor for the given configured secret values plus the built-in token shapes.
 *
 * @param secrets exact values to remove wherever they appear, e.g. `secretsOf(config)`
 * @example
 * ```ts
 * const redactor = createRedactor(['my-db-password']);
 * redactor.string('login with my-db-password'); // 'login with [REDACTED]'
 * ```
 */
export function createRedactor(secrets: readonly string[] = []): Redactor {
  // Longest first, so a secret containing another is removed whole.
  const literals = [...new Set(secrets)].filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);

  const string = (text: string): string => {
    if (text.length < MIN_SECRET_LENGTH) return text;
    let result = text;
    for (const literal of literals) if (result.includes(literal)) result = result.replaceAll(literal, REDACTED);
    for (const shape of TOKEN_SHAPES) {
      if (!result.includes(shape.hint)) continue;
      // `test` is much cheaper than `replace` with a callback; most strings hold no token at all.
      shape.pattern.lastIndex = 0;
      if (!shape.pattern.test(result)) continue;
      result = result.replace(shape.pattern, (match: string, kept: unknown) =>
        shape.accept !== undefined && !shape.accept(match) ? match : (typeof kept === 'string' ? kept : '') + REDACTED,
      );
    }
    return result;
  };

  const value = (input: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof input === 'string') return string(input);
    if (input === null || typeof input !== 'object') return input;
    if (depth > MAX_DEPTH) return '[Object]';
    if (seen.has(input)) return '[Circular]';
    if (input instanceof Error) return value(serializeError(input), depth, seen);
    if (input instanceof Date || ArrayBuffer.isView(input)) return input;
    const toJSON = (input as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return value(toJSON.call(input), depth + 1, seen);

    seen.add(input);
    try {
      if (Array.isArray(input)) {
        let out: unknown[] | undefined;
        for (let index = 0; index < input.length; index += 1) {
          const item: unknown = input[index];
          const redacted = value(item, depth + 1, seen);
          if (redacted !== item) out ??= input.slice(0, index);
          out?.push(redacted);
        }
        return out ?? input;
      }
      const record = input as Record<string, unknown>;
      let out: Record<string, unknown> | undefined;
      const keys = Object.keys(record);
      for (let index = 0; index < keys.length; index += 1) {
        const key = keys[index] as string;
        const item = record[key];
        const redacted = SENSITIVE_KEY.test(key) && item !== undefined && item !== null && item !== '' ? REDACTED : value(item, depth + 1, seen);
        if (redacted !== item && out === undefined) {
          out = {};
          for (const earlier of keys.slice(0, index)) out[earlier] = record[earlier];
        }
        if (out !== undefined) out[key] = redacted;
      }
      return out ?? input;
    } finally {
      seen.delete(input);
    }
  };

  return { string, value: (input) => value(input, 0, new WeakSet()) };
}

/** pino's error serializer (type, message and stack including causes, own fields) as a plain object. */
function serializeError(error: Error): Record<string, unknown> {
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(serialized)) if (key !== 'raw') plain[key] = serialized[key];
  return plain;
}
