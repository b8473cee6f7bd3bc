// A new contributor's first command must be quiet: `pnpm install` on a fresh checkout prints no warning (no bin
// pointing at an unbuilt file, no unmet peer dependency). Anything it warns about is a defect to fix here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspaceSandbox } from './workspace-sandbox.js';

describe('fresh checkout', () => {
  const parent = mkdtempSync(join(tmpdir(), 'baseline-clone-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('GIVEN a checkout without node_modules or builds WHEN pnpm install runs THEN it prints no warning', async () => {
    const { installOutput } = await createWorkspaceSandbox(join(parent, 'checkout'));
    expect(installOutput.split('\n').filter((line) => /\bWARN\b/.test(line))).toEqual([]);
  });
});
