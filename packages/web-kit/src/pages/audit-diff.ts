/** One changed value of an audit entry: `reference.greeting: "Hello" → "Howdy"`. */
export interface AuditChange {
  path: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The leaves that differ between an audit entry's `before` and `after` (settings: namespace, then field),
 * so the access page shows a settings change as a diff rather than two JSON blobs.
 */
export function auditChanges(before: unknown, after: unknown, prefix = ''): AuditChange[] {
  if (isRecord(before) || isRecord(after)) {
    const left = isRecord(before) ? before : {};
    const right = isRecord(after) ? after : {};
    return [...new Set([...Object.keys(left), ...Object.keys(right)])].flatMap((key) => auditChanges(left[key], right[key], prefix ? `${prefix}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: prefix || '(value)', before, after }];
}
