// Coverage of the published packages, measured by `npm test` (`vitest run --coverage`): the floor of 85% of
// lines and 80% of branches holds for each package on its own, so a well-tested package cannot hide an untested one.
export const COVERED_PACKAGES = ['api', 'bot', 'cli', 'core', 'create-baseline-bot', 'llm', 'testing', 'web-kit'] as const;

export const COVERAGE_FLOOR = { lines: 85, branches: 80 } as const;

export const COVERED_SOURCES = COVERED_PACKAGES.map((name) => `packages/${name}/src/**/*.{ts,tsx}`);

/** Vitest's per-glob thresholds: one entry per package, each with the floor. */
export function coverageThresholds(): Record<string, { lines: number; branches: number }> {
  return Object.fromEntries(COVERED_SOURCES.map((glob) => [glob, { ...COVERAGE_FLOOR }]));
}
