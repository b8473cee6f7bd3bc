// The kit's page tests in real Chromium (Vitest browser mode): the dashboard's pages rendered from src, against an
// HTTP fake of the API at the network boundary (msw's service worker). V8 coverage of the code they run is collected
// in the browser and merged by Vitest with the Node projects' coverage, which is why they live here and not only in
// the e2e suite (test/e2e), whose production bundle Vitest cannot see.
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { msw } from 'msw/vite';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './test/support/chromium.js';
import { clickAndDownload } from './test/support/download-command.js';
import { recordBrowserOutput } from './test/support/record-browser-output.js';

export default defineConfig({
  // React and Tailwind as an app's dashboard has them (pages are laid out as users see them: charts get their
  // height); msw's plugin in worker-only mode serves its service worker script from node_modules (no copy here).
  plugins: [react(), tailwindcss(), msw({ mode: 'worker-only' })],
  resolve: {
    conditions: ['@baseline/source', ...defaultClientConditions],
    // The plugin list `@baseline/web-kit/vite` generates for an app; the tests bring their own plugins.
    alias: { 'virtual:baseline/plugins': fileURLToPath(new URL('./test/browser/support/no-plugins.ts', import.meta.url)) },
  },
  // The global setup below runs in Node and reads core's sources, as the Node projects do.
  ssr: { resolve: { conditions: ['@baseline/source', ...defaultServerConditions] } },
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-dev-runtime',
      '@tanstack/react-query',
      '@tanstack/react-router',
      'recharts',
      'msw/browser',
      'msw',
      '@testing-library/react',
    ],
  },
  test: {
    name: 'web-kit-browser',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/browser/**/*.test.tsx'],
    globalSetup: ['test/browser/support/provide-settings-schema.ts'],
    setupFiles: ['test/browser/support/setup.ts'],
    // Generous for a loaded CI machine (the first page to import recharts compiles it); tests never assert timings.
    testTimeout: 60_000,
    // A missing element fails with the ARIA tree well before the test's own timeout.
    expect: { poll: { timeout: 20_000 } },
    // The browser's console output reaches the run-wide secret audit here (the Node projects' setup file cannot run
    // in the browser).
    onConsoleLog: recordBrowserOutput,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium' }],
      commands: { clickAndDownload },
    },
  },
});
