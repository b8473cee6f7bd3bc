import { createVitestConfig } from '../../vitest.shared.js';

export default createVitestConfig(import.meta.url, {
  test: { include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'] },
});
