#!/usr/bin/env node
// The `baseline-emulator` command. This file is committed (not built) so that pnpm can link the bin on a fresh
// clone before anything is built; it only loads the built command.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/baseline-emulator.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(
    'BL_ERR_EMULATOR_NOT_BUILT: @baseline/testing is not built (dist/baseline-emulator.js is missing). ' +
      'Fix: run `npm run build` at the repository root, or `pnpm --filter @baseline/testing build`.',
  );
  process.exit(1);
}
await import(entry.href);
