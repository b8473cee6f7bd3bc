// `npm run demo`: the example bot with its API and dashboard, on embedded defaults when nothing is configured
// (embedded PostgreSQL, in-memory key-value store, the Discord emulator). Runs from the TypeScript sources, so
// no build is needed. Configuration, if any, goes in examples/bot/.env.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../toolchain.mjs';
import { spawn } from 'node:child_process';
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
const child = spawn('tsx', ['--conditions=@baseline/source', main, ...process.argv.slice(2)], { cwd: appDir, stdio: 'inherit', env });
// Ctrl-C reaches the whole process group, the child included: only wait for it. Signals aimed at this process
// alone (a supervisor's SIGTERM) are passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
