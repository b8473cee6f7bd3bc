// Writes deploy/kubernetes/generated/ from the typed objects in src/. `--check` writes nothing and exits 1
// when a checked-in file differs from what the sources give (or one is missing or extra).
//   node scripts/run.mjs pnpm exec tsx deploy/kubernetes/generate.ts [--check]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderManifests } from './src/render.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'generated');
const files = renderManifests();

if (process.argv.includes('--check')) {
  const present = readdirSync(outDir).filter((name) => name.endsWith('.yaml'));
  const stale = [...files].filter(([name, text]) => !present.includes(name) || readFileSync(join(outDir, name), 'utf8') !== text).map(([name]) => name);
  const extra = present.filter((name) => !files.has(name));
  if (stale.length > 0 || extra.length > 0) {
    console.error(
      `deploy/kubernetes/generated is out of date (differs: ${stale.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'}). Fix: npm run k8s:generate`,
    );
    process.exit(1);
  }
  console.log(`deploy/kubernetes/generated: ${files.size} files up to date`);
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
  console.log(`deploy/kubernetes/generated: wrote ${[...files.keys()].join(', ')}`);
}
