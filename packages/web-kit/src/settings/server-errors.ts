import type { ErrorSchema } from '@rjsf/utils';
import type { SettingsFieldError } from './types.js';

/** The API's field errors of one namespace, placed for rjsf: next to their fields, or above the form. */
export interface PlacedErrors {
  /** Errors by field, for rjsf's `extraErrors`. */
  fields: ErrorSchema;
  /** Errors naming no field of this namespace (the namespace itself, or a path outside it). */
  form: string[];
}

/**
 * Places a 422's field errors. The API names fields `<namespace>.<field>[.<sub>…]` (array items by index, e.g.
 * `welcome.channels.0`); its generic body validation prefixes them with `body.`.
 */
export function placeServerErrors(namespace: string, errors: readonly SettingsFieldError[]): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, form: [] };
  for (const { path, message } of errors) {
    const segments = path.replace(/^body\./, '').split('.');
    if (segments[0] !== namespace || segments.length === 1) {
      placed.form.push(segments.length === 1 && segments[0] === namespace ? message : `${path}: ${message}`);
      continue;
    }
    let node = placed.fields as Record<string, unknown>;
    for (const segment of segments.slice(1)) node = (node[segment] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(message);
  }
  return placed;
}
