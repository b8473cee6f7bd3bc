import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controlRoutes } from '../../src/standalone/web/control-routes.js';
import { CONTROL_END, CONTROL_START, renderControlTable } from '../../src/standalone/web/control-table.js';

describe('Standalone emulator control API documentation', () => {
  it('GIVEN the control route table THEN the package README lists every endpoint as generated (run `pnpm --filter @baseline/testing fidelity` when not)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf(CONTROL_START), readme.indexOf(CONTROL_END) + CONTROL_END.length);
    expect(section).toBe(renderControlTable(controlRoutes));
    for (const route of controlRoutes) expect(section).toContain(`| ${route.method} | \`${route.path}\` |`);
  });
});
