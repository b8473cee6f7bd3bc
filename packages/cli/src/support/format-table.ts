/**
 * Lays rows out in aligned columns under a header. Hand-written: ten lines of padding do not justify a
 * table dependency for a handful of short listings.
 *
 * @example
 * ```ts
 * formatTable(['plugin', 'state'], [['greeter', 'loaded']]);
 * // plugin   state
 * // greeter  loaded
 * ```
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
