// `npm run demo`: the example bot with its API and dashboard, on embedded defaults when nothing is configured
// (embedded PostgreSQL, in-memory key-value store, the Discord emulator). Runs from the TypeScript sources, so
// no build is needed. Configuration, if any, goes in examples/bot/.env.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../toolchain.mjs';
import { install, run } from './install.mjs';

const appDir = join(root, 'examples', 'bot');
const main = join(appDir, 'src', 'main.ts');
install();
if (!existsSync(main)) {
  console.error('[baseline] examples/bot is missing: the demo needs @baseline/bot and the example bot.');
  process.exit(1);
}
process.exit(run('tsx', ['--conditions=@baseline/source', main, ...process.argv.slice(2)], { cwd: appDir }));
