import { z } from 'zod';
import type { FieldError } from './api-error.js';
import { API_ERROR_CODES } from './api-error.js';

/** The one error body every failing route answers with. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: API_ERROR_CODES.forbidden }),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Builds an error body; `fields` is left out when empty; `extra` adds members a kind of failure documents. */
export function errorBody(code: string, message: string, fields?: readonly FieldError[], extra: Readonly<Record<string, unknown>> = {}): ErrorBody {
  return { error: { ...extra, code, message, ...(fields && fields.length > 0 ? { fields: [...fields] } : {}) } };
}

/** zod issues → field errors with dotted paths under `prefix` (`body`, `query`, `params`). */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], prefix: string): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }));
}
