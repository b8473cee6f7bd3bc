// Coverage of the published packages, measured by `npm test` (`vitest run --coverage`), with a floor per package so a
// well-tested package cannot hide an untested one. The hardening issue's floor is 85% of lines and 80% of branches;
// the packages below it hold at what the last full run measured (minus one point of slack), so coverage cannot fall
// while the tests that reach the target are written. cli and create-baseline-bot are tested through their built
// binaries in child processes and web-kit's pages in Chromium, where v8's in-process coverage does not see them.
export const COVERED_PACKAGES = ['api', 'bot', 'cli', 'core', 'create-baseline-bot', 'llm', 'testing', 'web-kit'] as const;

/** The target for every package. */
export const COVERAGE_FLOOR = { lines: 85, branches: 80 } as const;

/** Packages still below the target: measured on 2026-12-05 (full fresh-clone run), floored one point below. */
export const COVERAGE_RATCHET: Partial<Record<(typeof COVERED_PACKAGES)[number], { lines: number; branches: number }>> = {
  bot: { lines: 85, branches: 73 }, // measured 91.4 / 74.9
  cli: { lines: 1, branches: 0.5 }, // measured 1.8 / 1.5 (binaries run in child processes)
  'create-baseline-bot': { lines: 22, branches: 24 }, // measured 23.5 / 25.0 (binary run in child processes)
  llm: { lines: 85, branches: 76 }, // measured 94.4 / 77.4
  testing: { lines: 85, branches: 73 }, // measured 89.5 / 74.0
  'web-kit': { lines: 35, branches: 39 }, // measured 36.2 / 40.2 (pages run in Chromium)
};

export const COVERED_SOURCES = COVERED_PACKAGES.map((name) => `packages/${name}/src/**/*.{ts,tsx}`);

/** Vitest's per-glob thresholds: one entry per package, with its floor. */
export function coverageThresholds(): Record<string, { lines: number; branches: number }> {
  return Object.fromEntries(COVERED_PACKAGES.map((name) => [`packages/${name}/src/**/*.{ts,tsx}`, { ...(COVERAGE_RATCHET[name] ?? COVERAGE_FLOOR) }]));
}
