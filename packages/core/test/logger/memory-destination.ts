/** A pino destination that keeps every line in memory, parsed. */
export function memoryDestination() {
  const raw: string[] = [];
  return {
    raw,
    write(line: string) {
      raw.push(line);
    },
    /** Every line parsed as JSON. */
    lines(): Record<string, unknown>[] {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    last(): Record<string, unknown> {
      const line = raw.at(-1);
      if (line === undefined) throw new Error('nothing was logged');
      return JSON.parse(line) as Record<string, unknown>;
    },
  };
}
