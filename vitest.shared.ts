// The Vitest configuration every package reuses: `export default createVitestConfig(import.meta.url)`.
import { fileURLToPath } from 'node:url';
import { basename, dirname, relative } from 'node:path';
import { defaultServerConditions } from 'vite';
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const globalSetup = fileURLToPath(new URL('./test/global-setup.ts', import.meta.url));
/** Keeps each test file's output for the run-wide secret audit (see test/support/secret-audit.ts). */
const captureOutput = fileURLToPath(new URL('./test/support/capture-output.ts', import.meta.url));
/** Sibling packages resolve to their TypeScript sources, so tests never need a build first. */
const conditions = ['@baseline/source', ...defaultServerConditions];

export function createVitestConfig(configUrl: string, overrides: ViteUserConfig = {}) {
  const dir = dirname(fileURLToPath(configUrl));
  return mergeConfig(
    defineConfig({
      ssr: { resolve: { conditions } },
      test: {
        // Published packages are named after their folder (`--project core`); anything else after its path.
        name: dirname(dir) === `${repoRoot}/packages` ? basename(dir) : relative(repoRoot, dir),
        root: dir,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        environment: 'node',
        globalSetup: [globalSetup],
        setupFiles: [captureOutput],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
      },
    }),
    overrides,
  );
}
