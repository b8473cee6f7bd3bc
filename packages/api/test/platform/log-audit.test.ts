import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditRecordedLogs } from '../support/log-audit.js';

// The run-wide audit (test/support/log-audit-setup.ts) must catch what the per-stack check cannot.
describe('the audit over every API test stack logs', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function run(records: Array<{ logs: string; secrets: Array<{ kind: string; value: string }> }>) {
    const dir = mkdtempSync(join(tmpdir(), 'bl-log-audit-test-'));
    dirs.push(dir);
    records.forEach((record, index) => writeFileSync(join(dir, `${index}.json`), JSON.stringify(record)));
    return auditRecordedLogs(dir);
  }

  it("GIVEN one stack's session id in another stack's logs THEN it is reported by kind, never by value", () => {
    const result = run([
      { logs: '{"msg":"request completed"}\n', secrets: [{ kind: 'session id', value: 'sess-0123456789abcdef' }] },
      { logs: '{"msg":"oops","cookie":"sess-0123456789abcdef"}\n', secrets: [] },
    ]);
    expect(result.leaks).toEqual(['stack 1: session id']);
    expect(result.leaks.join()).not.toContain('sess-0123456789abcdef');
  });

  it('GIVEN a token-shaped value no stack declared THEN it is reported', () => {
    const result = run([{ logs: '{"msg":"calling","header":"Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345"}\n', secrets: [] }]);
    expect(result.leaks).toEqual(['stack 0: a token-shaped value']);
  });

  it('GIVEN clean logs THEN nothing is reported AND every line was read', () => {
    const result = run([{ logs: '{"msg":"a"}\n{"msg":"b","route":"/api/v1/guilds/:guild_id"}\n', secrets: [{ kind: 'csrf token', value: 'csrf-abcdefghijkl' }] }]);
    expect(result).toEqual({ stacks: 1, lines: 2, leaks: [] });
  });
});
