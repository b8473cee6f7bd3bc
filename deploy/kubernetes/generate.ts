// Writes every folder of KUBERNETES_TARGETS (deploy/kubernetes/generated/, templates/bot/deploy/kubernetes/) from
// the typed objects in src/. `--check` writes nothing and exits 1 when a checked-in file differs from what the
// sources give (or one is missing or extra).
//   node scripts/run.mjs pnpm exec tsx deploy/kubernetes/generate.ts [--check]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderManifests } from './src/render.js';
import { KUBERNETES_TARGETS } from './src/targets.js';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const check = process.argv.includes('--check');
let outdated = false;

for (const target of KUBERNETES_TARGETS) {
  const outDir = join(root, target.outDir);
  const files = renderManifests(target);
  if (check) {
    const present = readdirSync(outDir).filter((name) => name.endsWith('.yaml'));
    const stale = [...files].filter(([name, text]) => !present.includes(name) || readFileSync(join(outDir, name), 'utf8') !== text).map(([name]) => name);
    const extra = present.filter((name) => !files.has(name));
    if (stale.length > 0 || extra.length > 0) {
      console.error(
        `${target.outDir} is out of date (differs: ${stale.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'}). Fix: npm run k8s:generate`,
      );
      outdated = true;
    } else {
      console.log(`${target.outDir}: ${files.size} files up to date`);
    }
  } else {
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of files) writeFileSync(join(outDir, name), text);
    console.log(`${target.outDir}: wrote ${[...files.keys()].join(', ')}`);
  }
}
if (outdated) process.exit(1);
