import { createVitestConfig } from '../vitest.shared.js';

// Repo-level checks: packaging of every published package, workspace conventions, deployment files.
export default createVitestConfig(import.meta.url, { test: { name: 'repo', include: ['repo/**/*.test.ts', 'deploy/**/*.test.ts'] } });
