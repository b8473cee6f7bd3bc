import { createVitestConfig } from '../../vitest.shared.js';

// Fault injection on real processes (`--project fault`): PostgreSQL and Redis reached through a TCP proxy each test
// controls (stopped, restarted, connections cut, replies delayed), backends killed with pg_terminate_backend, and the
// Discord and LLM emulators' own fault controls. The shared servers themselves are never stopped: other projects use
// them at the same time.
export default createVitestConfig(import.meta.url, {
  test: { name: 'fault', include: ['**/*.test.ts'], testTimeout: 120_000 },
});
