// `npm test`: install, build every package (the build is part of what is tested), then the whole
// Vitest suite. Test services (PostgreSQL, Redis) are found or started by test/global-setup.ts.
// Extra arguments go to Vitest: `npm test -- packages/core` runs one folder.
import { install, run } from './install.mjs';

const started = Date.now();
install();
let status = run('pnpm', ['-r', '--filter', './packages/**', '--reporter-hide-prefix', 'build']);
if (status !== 0) process.exit(status);
status = run('pnpm', ['exec', 'vitest', 'run', ...process.argv.slice(2)]);
console.error(`[baseline] npm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
