import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor } from '@baseline/core';

/** Set by `log-audit-setup.ts` for the whole API project run: where every test stack leaves its logs and secrets. */
export const LOG_AUDIT_DIR_VARIABLE = 'BASELINE_API_LOG_AUDIT_DIR';

interface Recorded {
  logs: string;
  secrets: Array<{ kind: string; value: string }>;
}

/**
 * Leaves one stack's captured log text and the secrets it handled for the audit at the end of the run (a file in a
 * 0700 folder of the run; the secrets are the emulator's and the test's own).
 */
export function recordForAudit(logs: string, secrets: Array<{ kind: string; value: string }>): void {
  const dir = process.env[LOG_AUDIT_DIR_VARIABLE];
  if (dir === undefined) return;
  writeFileSync(join(dir, `${randomUUID()}.json`), JSON.stringify({ logs, secrets } satisfies Recorded), { mode: 0o600 });
}

/**
 * Every leak in the recorded logs of a run: any secret any stack handled found in any stack's logs (so a token
 * leaked by another test's instance is caught too), and any text the logger's own token shapes (bot tokens, provider
 * keys, Bearer credentials, Authorization lines) would have redacted.
 *
 * @returns one line per leak, naming its kind and never the secret
 */
export function auditRecordedLogs(dir: string): { stacks: number; lines: number; leaks: string[] } {
  const records = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Recorded);
  const secrets = records.flatMap((record) => record.secrets);
  const shapes = createRedactor([]);
  const leaks = new Set<string>();
  let lines = 0;
  for (const [index, record] of records.entries()) {
    for (const secret of secrets) if (record.logs.includes(secret.value)) leaks.add(`stack ${index}: ${secret.kind}`);
    for (const line of record.logs.split('\n')) {
      if (line === '') continue;
      lines += 1;
      if (shapes.string(line) !== line) leaks.add(`stack ${index}: a token-shaped value`);
    }
  }
  return { stacks: records.length, lines, leaks: [...leaks] };
}
