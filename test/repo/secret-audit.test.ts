import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditRecordedLogs, environmentSecrets } from '../support/secret-audit.js';

// The run-wide audit (test/support/secret-audit.ts, run by the global setup) must catch what one stack's own check cannot.
describe("the audit over every test file's logs", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function run(records: Array<{ logs: string; secrets: Array<{ kind: string; value: string }> }>) {
    const dir = mkdtempSync(join(tmpdir(), 'bl-log-audit-test-'));
    dirs.push(dir);
    records.forEach((record, index) => writeFileSync(join(dir, `${index}.json`), JSON.stringify({ source: `file ${index}`, ...record })));
    return auditRecordedLogs(dir);
  }

  it("GIVEN one stack's session id in another stack's logs THEN it is reported by kind, never by value", () => {
    const result = run([
      { logs: '{"msg":"request completed"}\n', secrets: [{ kind: 'session id', value: 'sess-0123456789abcdef' }] },
      { logs: '{"msg":"oops","cookie":"sess-0123456789abcdef"}\n', secrets: [] },
    ]);
    expect(result.leaks).toEqual(['file 1: session id']);
    expect(result.leaks.join()).not.toContain('sess-0123456789abcdef');
  });

  it('GIVEN a token-shaped value no stack declared THEN it is reported', () => {
    const result = run([{ logs: '{"msg":"calling","header":"Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345"}\n', secrets: [] }]);
    expect(result.leaks).toEqual(['file 0: a token-shaped value']);
  });

  it('GIVEN clean logs THEN nothing is reported AND every line was read', () => {
    const result = run([
      { logs: '{"msg":"a"}\n{"msg":"b","route":"/api/v1/guilds/:guild_id"}\n', secrets: [{ kind: 'csrf token', value: 'csrf-abcdefghijkl' }] },
    ]);
    expect(result).toEqual({ records: 1, lines: 2, secrets: 1, leaks: [] });
  });

  it('GIVEN secret-named environment variables THEN they are audited by name, short or unrelated ones are not', () => {
    const found = environmentSecrets({
      DISCORD_BOT_TOKEN: 'abcdefghijklmnop',
      API_SECRET_KEY: 'k'.repeat(64),
      OPENAI_API_KEY: 'short',
      LOG_LEVEL: 'debugdebug',
    });
    expect(found.map((secret) => secret.kind)).toEqual(['environment variable DISCORD_BOT_TOKEN', 'environment variable API_SECRET_KEY']);
  });

  it('GIVEN the emulators of this run THEN their bot token and provider key are in the list the audit checks', async () => {
    const { auditSecrets, createDiscordEmulator, createLlmEmulator } = await import('@baseline/testing');
    const discord = await createDiscordEmulator();
    const llm = await createLlmEmulator({ provider: 'openai' });
    try {
      const values = auditSecrets().map((secret) => secret.value);
      expect(values).toContain(discord.botToken);
      expect(values).toContain(discord.clientSecret);
      expect(values).toContain(llm.apiKey);
    } finally {
      await discord.close();
      await llm.close();
    }
  });
});
