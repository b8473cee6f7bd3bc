// `npm run demo`: the example bot with the REST API, on embedded defaults when nothing is configured
// (embedded PostgreSQL, in-memory key-value store, the Discord emulator). Runs from the TypeScript sources, so
// no build is needed. Configuration, if any, goes in examples/bot/.env. The root script runs this through
// `exec`, so npm signals run.mjs directly; see runForeground for how a signal reaches every process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, runForeground } from '../toolchain.mjs';
import { install } from './install.mjs';

const appDir = join(root, 'examples', 'bot');
const main = join(appDir, 'src', 'main.ts');
install();
if (!existsSync(main)) {
  console.error('[baseline] examples/bot is missing: the demo needs @baseline/bot and the example bot.');
  process.exit(1);
}
// Human-readable logs on a terminal unless the app's configuration says otherwise.
const env = { ...process.env, ...(process.stdout.isTTY && process.env.LOG_PRETTY === undefined ? { LOG_PRETTY: 'true' } : {}) };
runForeground('tsx', ['--conditions=@baseline/source', main, ...process.argv.slice(2)], { cwd: appDir, env });
