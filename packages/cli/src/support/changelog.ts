import semver from 'semver';

/** One release's section of a CHANGELOG.md as changesets writes it (`## 0.1.1` then its changes). */
export interface ChangelogEntry {
  readonly version: string;
  readonly text: string;
}

/**
 * The sections of a changesets CHANGELOG.md for the versions after `from` up to and including `to`, newest first.
 *
 * @example
 * ```ts
 * changelogEntries(text, '0.1.0', '0.2.0'); // [{ version: '0.2.0', … }, { version: '0.1.1', … }]
 * ```
 */
export function changelogEntries(text: string, from: string, to: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  const sections = text.split(/^## /m).slice(1);
  for (const section of sections) {
    const newline = section.indexOf('\n');
    const version = semver.valid((newline === -1 ? section : section.slice(0, newline)).trim());
    if (version === null || !semver.gt(version, from) || semver.gt(version, to)) continue;
    entries.push({ version, text: section.slice(newline + 1).trim() });
  }
  return entries.sort((a, b) => semver.rcompare(a.version, b.version));
}
