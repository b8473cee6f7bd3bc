import { defineConfig } from 'vitest/config';

// The bot's tests start it against the Discord emulator and an embedded PostgreSQL: no account, no service.
export default defineConfig({
  test: {
    name: 'templates/bot',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
