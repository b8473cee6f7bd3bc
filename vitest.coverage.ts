// Coverage of the published packages, measured by `npm test` (`vitest run --coverage`), with a floor per package so a
// well-tested package cannot hide an untested one. The hardening issue's floor is 85% of lines and 80% of branches;
// the packages below it hold at what the last full run measured (minus one point of slack), so coverage cannot fall
// while the tests that reach the target are written. The CLI and the scaffolder are covered by in-process tests (their
// child-process tests prove the binaries but are invisible to v8's in-process coverage); web-kit's pages are covered
// by the browser-mode project (web-kit-browser, Chromium), whose coverage Vitest merges with the Node projects'.
export const COVERED_PACKAGES = ['api', 'bot', 'cli', 'core', 'create-baseline-bot', 'llm', 'testing', 'web-kit'] as const;

/** The target for every package. */
export const COVERAGE_FLOOR = { lines: 85, branches: 80 } as const;

/**
 * Packages still below the target, floored one point under the last full fresh-clone run (2026-12-05). llm, testing, cli
 * and create-baseline-bot reached the target with their own projects (in-process tests of the CLI and the scaffolder);
 * web-kit with its Node project merged with the browser-mode one (97.4% of lines, 85.7% of branches).
 */
export const COVERAGE_RATCHET: Partial<Record<(typeof COVERED_PACKAGES)[number], { lines: number; branches: number }>> = {
  bot: { lines: 85, branches: 73 }, // measured 91.4 / 74.9 (full run); its own project alone reached 90.2 / 73.8 after the new tests
};

export const COVERED_SOURCES = COVERED_PACKAGES.map((name) => `packages/${name}/src/**/*.{ts,tsx}`);

/** Vitest's per-glob thresholds: one entry per package, with its floor. */
export function coverageThresholds(): Record<string, { lines: number; branches: number }> {
  return Object.fromEntries(COVERED_PACKAGES.map((name) => [`packages/${name}/src/**/*.{ts,tsx}`, { ...(COVERAGE_RATCHET[name] ?? COVERAGE_FLOOR) }]));
}
