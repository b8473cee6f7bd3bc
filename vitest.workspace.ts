import { fileURLToPath } from 'node:url';

const captureOutput = fileURLToPath(new URL('./test/support/capture-output.ts', import.meta.url));
const globalSetup = fileURLToPath(new URL('./test/global-setup.ts', import.meta.url));

// The one list of test projects, by their config files (a folder without one, or a README beside them, is not a
// project). Vitest 5 no longer reads this file by itself: vitest.config.ts imports it.
export default [
  'packages/*/vitest.config.ts',
  // web-kit's page tests in Chromium (browser mode), a project of their own beside the package's Node tests.
  'packages/*/vitest.browser.config.ts',
  'examples/*/vitest.config.ts',
  'test/vitest.config.ts',
  'test/*/vitest.config.ts',
  // The templates' configs ship to generated projects as they are, so the workspace adds the secret audit's
  // output capture and the global setup that runs it (which every other project gets from vitest.shared.ts) here
  // instead of in their files.
  ...['bot', 'plugin'].map((name) => ({
    extends: `./templates/${name}/vitest.config.ts`,
    test: { name: `templates/${name}`, root: `./templates/${name}`, globalSetup: [globalSetup], setupFiles: [captureOutput] },
  })),
];
