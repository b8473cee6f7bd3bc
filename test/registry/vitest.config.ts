import { createVitestConfig } from '../../vitest.shared.js';

// Releases through a real npm registry (Verdaccio on 127.0.0.1): slow (builds, publishes, npm installs), so a
// project of their own: `--project registry`. Each file shares one registry between its tests.
export default createVitestConfig(import.meta.url, {
  test: { name: 'registry', include: ['**/*.test.ts'], testTimeout: 600_000, hookTimeout: 1_200_000 },
});
