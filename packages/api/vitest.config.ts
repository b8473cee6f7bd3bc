import { createVitestConfig } from '../../vitest.shared.js';

// Besides the shared setup: one audit of every test stack's logs for secrets once all files have run.
export default createVitestConfig(import.meta.url, { test: { globalSetup: ['./test/support/log-audit-setup.ts'] } });
