/**
 * Debian's Chromium (scripts/ensure-chromium.mjs installs it) and the flags that keep it off the network (see the
 * repo's toolchain notes). Shared by the e2e tests, which launch it through playwright-core, and the browser-mode
 * project (vitest.browser.config.ts), which launches it through @vitest/browser-playwright.
 */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
