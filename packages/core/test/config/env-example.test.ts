import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES, loadConfig } from '../../src/index.js';

const example = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');

describe('.env.example', () => {
  it('GIVEN the variable table THEN .env.example lists every variable and nothing else', () => {
    expect(Object.keys(parseEnv(example)).sort()).toEqual(Object.keys(ENV_VARIABLES).sort());
  });

  it('GIVEN .env.example copied to .env unchanged THEN it loads without errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-env-example-'));
    try {
      writeFileSync(join(dir, '.env'), example);
      const config = loadConfig({ cwd: dir, env: {} });
      expect(config.health.port).toBe(8080);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
