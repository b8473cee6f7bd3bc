import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What baseline remembers about an embedded server, in `<dataDir>/baseline-embedded.json`. */
export interface EmbeddedState {
  /** The port chosen the first time, reused on every start while it is free. */
  port: number;
  /** The Node process that started the server and stops it on exit; `null` once stopped. */
  ownerPid: number | null;
}

const fileOf = (dataDir: string) => join(dataDir, 'baseline-embedded.json');

export function readState(dataDir: string): EmbeddedState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(fileOf(dataDir), 'utf8')) as Partial<EmbeddedState>;
    return typeof parsed.port === 'number' ? { port: parsed.port, ownerPid: parsed.ownerPid ?? null } : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(dataDir: string, state: EmbeddedState): void {
  writeFileSync(fileOf(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}
