/**
 * The run-wide secret audit: every Vitest project's test files leave their log output and the secrets they handled
 * in one folder of the run (`recordForAudit`), and the global teardown reads all of it at the end
 * (`auditRecordedLogs`): a secret handled by any test, found in any test's logs, fails the run. So does any text the
 * logger's own token shapes (bot tokens, provider keys, Bearer credentials, Authorization lines) would have redacted.
 *
 * What is recorded, per test file (see `capture-output.ts`): everything written to stdout and stderr (pino's
 * synchronous destination included), console output, and the in-memory log captures of the test stacks (API, bot,
 * LLM), which call `recordForAudit` themselves. The secrets: those the emulators handed out (`registerAuditSecret` in
 * @baseline/testing), those a stack declares, and secret-named environment variables of the worker.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Core's sources, not the package: the global setup loads this module without the projects' source condition.
import { createRedactor } from '../../packages/core/src/logger/create-redactor.js';

/** Set by the global setup for the whole run: where every test file leaves its logs and secrets. */
export const SECRET_AUDIT_DIR_VARIABLE = 'BASELINE_SECRET_AUDIT_DIR';

export interface AuditedSecret {
  kind: string;
  value: string;
}

interface Recorded {
  source: string;
  logs: string;
  secrets: AuditedSecret[];
}

const SECRET_VARIABLE = /TOKEN|SECRET|API_KEY|PASSWORD/;

/** Secret-named environment variables of this process (`DISCORD_BOT_TOKEN`, `API_SECRET_KEY`, `OPENAI_API_KEY`, …). */
export function environmentSecrets(env: NodeJS.ProcessEnv = process.env): AuditedSecret[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => SECRET_VARIABLE.test(entry[0]) && typeof entry[1] === 'string' && entry[1].length >= 8)
    .map(([name, value]) => ({ kind: `environment variable ${name}`, value }));
}

/**
 * Leaves log text and the secrets handled for the audit at the end of the run: a file in the run's 0700 folder,
 * removed with it. Does nothing outside a run with the audit (a test file started some other way).
 */
export function recordForAudit(source: string, logs: string, secrets: readonly AuditedSecret[]): void {
  const dir = process.env[SECRET_AUDIT_DIR_VARIABLE];
  if (dir === undefined || (logs === '' && secrets.length === 0)) return;
  writeFileSync(join(dir, `${randomUUID()}.json`), JSON.stringify({ source, logs, secrets: [...secrets] } satisfies Recorded), { mode: 0o600 });
}

/**
 * Every leak in the recorded logs of a run: any secret any record declared found in any record's logs (so a token
 * leaked by another test's instance is caught too), and any token-shaped text.
 *
 * @returns one line per leak, naming where and what kind, never the secret
 */
export function auditRecordedLogs(dir: string): { records: number; lines: number; secrets: number; leaks: string[] } {
  const records = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Recorded);
  const secrets = new Map<string, AuditedSecret>();
  for (const record of records) for (const secret of record.secrets) secrets.set(secret.value, secret);
  const shapes = createRedactor([]);
  const leaks = new Set<string>();
  let lines = 0;
  for (const record of records) {
    for (const secret of secrets.values()) if (record.logs.includes(secret.value)) leaks.add(`${record.source}: ${secret.kind}`);
    for (const line of record.logs.split('\n')) {
      if (line === '') continue;
      lines += 1;
      if (shapes.string(line) !== line) leaks.add(`${record.source}: a token-shaped value`);
    }
  }
  return { records: records.length, lines, secrets: secrets.size, leaks: [...leaks].sort() };
}

/** Global setup part: makes the run's folder; the returned teardown audits it, removes it and throws on a leak. */
export function startSecretAudit(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'bl-secret-audit-'));
  process.env[SECRET_AUDIT_DIR_VARIABLE] = dir;
  return () => {
    try {
      const { records, lines, secrets, leaks } = auditRecordedLogs(dir);
      console.error(
        `[baseline:secret-audit] ${records} records, ${lines} log lines, ${secrets} secrets: ${leaks.length === 0 ? 'no leak' : `${leaks.length} leaks`}`,
      );
      if (leaks.length > 0) throw new Error(`secrets found in the tests' logs: ${leaks.join('; ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      delete process.env[SECRET_AUDIT_DIR_VARIABLE];
    }
  };
}
