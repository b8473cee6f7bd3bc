#!/usr/bin/env node
// The `create-baseline-bot` command. This file is committed (not built) so that pnpm can link the bin on a fresh clone
// before anything is built; it only loads the built command.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(
    'BL_ERR_CLI_NOT_BUILT: create-baseline-bot is not built (dist/cli.js is missing). ' +
      'Fix: run `npm run build` at the repository root, or `pnpm --filter create-baseline-bot build`.',
  );
  process.exit(1);
}
await import(entry.href);
