// `npm run bench [filter]`: runs every benchmark under bench/ (files named *.bench.ts), each in its own
// process against the TypeScript sources. Each benchmark prints its own ratios against a baseline it
// measures in the same run. Only 127.0.0.1 is used.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../toolchain.mjs';
import { install, run } from './install.mjs';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : find(path);
    return name.endsWith('.bench.ts') ? [path] : [];
  });
}

const filter = process.argv[2];
install();
const files = find(join(root, 'bench')).filter((file) => !filter || file.includes(filter));
if (files.length === 0) {
  console.error(`no benchmark matches ${filter ?? '*'} under bench/`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${relative(root, file)}`);
  const status = run('tsx', ['--conditions=@baseline/source', file], { env: { ...process.env, NODE_ENV: 'production' } });
  if (status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
