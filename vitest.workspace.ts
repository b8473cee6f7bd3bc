// The one list of test projects, by their config files (a folder without one, or a README beside them, is not a
// project). Vitest 5 no longer reads this file by itself: vitest.config.ts imports it.
export default ['packages/*/vitest.config.ts', 'examples/*/vitest.config.ts', 'templates/*/vitest.config.ts', 'test/vitest.config.ts', 'test/*/vitest.config.ts'];
