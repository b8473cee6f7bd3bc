/**
 * Secrets the emulators hand out (bot tokens, client secrets, OAuth tokens, provider keys), kept for the test run's
 * secret audit: at the end of each test file the repository's audit reads them and fails the run if any appears in a
 * log line. One list per process, on `globalThis`, so copies of this module loaded twice still share it.
 */
const REGISTRY = Symbol.for('baseline.auditSecrets');

/** One secret a test handled, by kind; the audit reports the kind, never the value. */
export interface AuditSecret {
  kind: string;
  value: string;
}

function registry(): Map<string, AuditSecret> {
  const holder = globalThis as { [REGISTRY]?: Map<string, AuditSecret> };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** Adds a secret to this process's list (values shorter than 8 characters are ignored: too likely as plain text). */
export function registerAuditSecret(kind: string, value: string | null | undefined): void {
  if (typeof value === 'string' && value.length >= 8) registry().set(value, { kind, value });
}

/** The secrets registered in this process so far. */
export function auditSecrets(): AuditSecret[] {
  return [...registry().values()];
}
