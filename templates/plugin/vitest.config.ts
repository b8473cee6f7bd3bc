import { defineConfig } from 'vitest/config';

// The plugin's tests load it into a real bot against the Discord emulator and an embedded PostgreSQL.
export default defineConfig({
  test: {
    name: 'templates/plugin',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
