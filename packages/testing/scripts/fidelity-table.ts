// Regenerates the generated sections of the package's READMEs: the Discord emulator's fidelity table
// (src/discord/README.md, from the route table and event list) and the control API table (README.md, from
// the standalone page server's route table). Run: node scripts/run.mjs pnpm --filter @baseline/testing fidelity
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIDELITY_END, FIDELITY_START, renderFidelityTable, replaceSection } from '../src/discord/fidelity/fidelity-table.js';
import { emulatedRoutes } from '../src/discord/rest/routes/emulated-routes.js';
import { controlRoutes } from '../src/standalone/web/control-routes.js';
import { CONTROL_END, CONTROL_START, renderControlTable } from '../src/standalone/web/control-table.js';

function update(relativePath: string, section: string, start: string, end: string): void {
  const path = fileURLToPath(new URL(relativePath, import.meta.url));
  const before = readFileSync(path, 'utf8');
  const after = replaceSection(before, section, start, end);
  if (after === before) console.log(`${relativePath}: up to date`);
  else {
    writeFileSync(path, after);
    console.log(`${relativePath}: updated`);
  }
}

update('../src/discord/README.md', renderFidelityTable(emulatedRoutes), FIDELITY_START, FIDELITY_END);
update('../README.md', renderControlTable(controlRoutes), CONTROL_START, CONTROL_END);
