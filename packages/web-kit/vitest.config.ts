import { configDefaults } from 'vitest/config';
import { createVitestConfig } from '../../vitest.shared.js';

export default createVitestConfig(import.meta.url, {
  // test/browser runs in Chromium: its own project (vitest.browser.config.ts).
  test: { include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, 'test/browser/**'] },
});
