import { createHash } from 'node:crypto';

/**
 * The revision of a guild's stored settings: a SHA-256 of every stored namespace and its object, in namespace order.
 * Equal stored settings give equal revisions on every process (PostgreSQL returns `jsonb` with its keys in one
 * canonical order), and any change of a stored object gives a new one. The API serves it as the settings `ETag`.
 *
 * @param stored - the stored objects by namespace, as `SettingsStore.readAll` returns them.
 * @example
 * ```ts
 * settingsRevision({ moderation: { maxWarnings: 5 } }); // '3f1c…' (64 hex digits)
 * ```
 */
export function settingsRevision(stored: Readonly<Record<string, unknown>>): string {
  const entries = Object.keys(stored)
    .sort()
    .map((namespace) => [namespace, stored[namespace]]);
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}
