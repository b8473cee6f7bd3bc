import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIDELITY_END, FIDELITY_START, renderFidelityTable } from '../../src/discord/fidelity/fidelity-table.js';
import { gatewayEvents } from '../../src/discord/fidelity/gateway-events.js';
import { notEmulatedRoutes } from '../../src/discord/fidelity/not-emulated.js';
import { emulatedRoutes } from '../../src/discord/rest/routes/emulated-routes.js';

const discordDir = fileURLToPath(new URL('../../src/discord/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fidelity' ? [] : sources(path);
    return name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('Discord emulator fidelity table', () => {
  it('GIVEN the route table and the event list THEN the README section equals the generated table (run `pnpm --filter @baseline/testing fidelity` when not)', () => {
    const readme = readFileSync(join(discordDir, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(FIDELITY_START), readme.indexOf(FIDELITY_END) + FIDELITY_END.length);
    expect(section).toBe(renderFidelityTable(emulatedRoutes));
  });

  it('GIVEN the "not yet" routes THEN none of them is in the route table', () => {
    const emulated = new Set(emulatedRoutes.map((route) => `${route.method} ${route.path}`));
    expect(notEmulatedRoutes.filter((route) => emulated.has(`${route.method} ${route.path}`))).toEqual([]);
  });

  it('GIVEN the event list THEN emulated events are dispatched in the source AND "not yet" ones are not', () => {
    const code = sources(discordDir).join('\n');
    const dispatched = (name: string) => code.includes(`'${name}'`);
    expect(gatewayEvents.filter((event) => event.status !== 'not yet' && !dispatched(event.name)).map((event) => event.name)).toEqual([]);
    expect(gatewayEvents.filter((event) => event.status === 'not yet' && dispatched(event.name)).map((event) => event.name)).toEqual([]);
  });
});
