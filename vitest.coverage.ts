// Coverage of the published packages, measured by `npm test` (`vitest run --coverage`), with a floor per package so a
// well-tested package cannot hide an untested one. The hardening issue's floor is 85% of lines and 80% of branches.
// The CLI and the scaffolder are covered by in-process tests (their
// child-process tests prove the binaries but are invisible to v8's in-process coverage); web-kit's pages are covered
// by the browser-mode project (web-kit-browser, Chromium), whose coverage Vitest merges with the Node projects'.
export const COVERED_PACKAGES = ['api', 'bot', 'cli', 'core', 'create-baseline-bot', 'llm', 'testing', 'web-kit'] as const;

/**
 * The hardening issue's target, held for every package. The CLI and the scaffolder reach it through in-process tests,
 * web-kit through its Node project merged with the browser-mode one (Chromium).
 */
export const COVERAGE_FLOOR = { lines: 85, branches: 80 } as const;

export const COVERED_SOURCES = COVERED_PACKAGES.map((name) => `packages/${name}/src/**/*.{ts,tsx}`);

/** Vitest's per-glob thresholds: one entry per package, with its floor. */
export function coverageThresholds(): Record<string, { lines: number; branches: number }> {
  return Object.fromEntries(COVERED_PACKAGES.map((name) => [`packages/${name}/src/**/*.{ts,tsx}`, { ...COVERAGE_FLOOR }]));
}
