import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditRecordedLogs, LOG_AUDIT_DIR_VARIABLE } from './log-audit.js';

/**
 * Global setup of the API project: after every test file has run, one audit over the log output of all of them
 * (see `auditRecordedLogs`). A leak fails the run with the kinds found; the run's log and secret records are removed
 * either way.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'bl-api-log-audit-'));
  process.env[LOG_AUDIT_DIR_VARIABLE] = dir;
  return () => {
    try {
      const { stacks, lines, leaks } = auditRecordedLogs(dir);
      if (leaks.length > 0) throw new Error(`secrets found in the API tests' logs (${stacks} stacks, ${lines} lines): ${leaks.join('; ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
