import { defineConfig } from 'vitest/config';
import { coverageThresholds, COVERED_SOURCES } from './vitest.coverage.js';
import projects from './vitest.workspace.js';

export default defineConfig({
  test: {
    projects,
    reporters: ['default'],
    // Off unless asked for (`--coverage`): `npm test` asks for it on a full run, where every project's tests count
    // towards every package's figures; a targeted run of one file would only fail the thresholds.
    coverage: {
      provider: 'v8',
      include: COVERED_SOURCES,
      exclude: ['**/*.test.ts', '**/*.test.tsx', '**/*.d.ts', '**/test/**', '**/dist/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: coverageThresholds(),
      // The figures are printed (and the floors checked) even when a test fails, so a red run still says where coverage stands.
      reportOnFailure: true,
    },
  },
});
