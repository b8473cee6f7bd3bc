import { createVitestConfig } from '../../vitest.shared.js';

// The design card's proof from a registry only: slow (publishes, npm installs, bots started), so a project of its
// own: `--project e2e-registry`. One registry and one generated bot for the whole file, steps in order.
export default createVitestConfig(import.meta.url, {
  test: { name: 'e2e-registry', include: ['**/*.test.ts'], testTimeout: 900_000, hookTimeout: 1_200_000, sequence: { concurrent: false } },
});
