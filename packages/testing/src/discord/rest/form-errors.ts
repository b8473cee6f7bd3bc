import type { z } from 'zod';
import { ApiError } from './api-error.js';

/** One entry of a Discord form-error tree: `{ code, message }` under `_errors`. */
interface FormError {
  code: string;
  message: string;
}

/**
 * Discord's error for one zod issue. Codes are those Discord sends for the same mistakes: a missing field is
 * BASE_TYPE_REQUIRED, a value outside a set BASE_TYPE_CHOICES, a string too long or short BASE_TYPE_MAX_LENGTH /
 * BASE_TYPE_MIN_LENGTH, a non-number NUMBER_TYPE_COERCE, a non-object MODEL_TYPE_CONVERT, a non-list
 * LIST_TYPE_CONVERT; a custom check's code is its `params.discordCode`. A schema's own message (`z.string({ error: '…' })`) replaces the message, not the code.
 */
function formError(issue: z.core.$ZodIssue): FormError {
  // Parsed with `reportInput`, so only a missing value has no input.
  if (issue.input === undefined) return { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return { code: 'NUMBER_TYPE_COERCE', message: `Value "${String(issue.input)}" is not int.` };
      if (issue.expected === 'object') return { code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' };
      if (issue.expected === 'array') return { code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' };
      return { code: 'BASE_TYPE_BAD_TYPE', message: issue.message };
    case 'invalid_value':
      return { code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${issue.values.map(String).join(', ')}}.` };
    case 'too_big':
      return { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${String(issue.maximum)} or fewer in length.` };
    case 'too_small':
      return { code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${String(issue.minimum)} or more in length.` };
    case 'custom':
      // A schema's own check names Discord's code in its params (`snowflakeBits` does).
      return { code: typeof issue.params?.['discordCode'] === 'string' ? issue.params['discordCode'] : 'BASE_TYPE_BAD_TYPE', message: issue.message };
    default:
      return { code: 'BASE_TYPE_BAD_TYPE', message: issue.message };
  }
}

/**
 * The `errors` tree of a 50035 response: each issue's path as nested keys (list indexes as strings), its
 * errors under `_errors`, e.g. `{ data: { content: { _errors: [{ code, message }] } } }`.
 */
export function formErrorTree(issues: readonly z.core.$ZodIssue[]): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = tree;
    for (const key of issue.path) {
      const name = String(key);
      node = (node[name] ??= {}) as Record<string, unknown>;
    }
    ((node['_errors'] ??= []) as FormError[]).push(formError(issue));
  }
  return tree;
}

/**
 * Parses a request body with its route's schema, once: the parsed value is what the handler gets. A body
 * the schema rejects is Discord's 400 / 50035 "Invalid Form Body" with the errors tree. A missing body is
 * checked as `{}`, so its required fields are reported by name as Discord does.
 */
export function parseFormBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw new ApiError(400, 50035, 'Invalid Form Body', formErrorTree(result.error.issues));
}
