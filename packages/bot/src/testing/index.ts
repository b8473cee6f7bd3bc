// `@baseline/bot/testing`: test one plugin in a real bot against the Discord emulator. Needs @baseline/testing
// (an optional peer dependency of @baseline/bot) and Vitest's global setup for PostgreSQL and Redis.
export { createPluginHarness, DEFAULT_HARNESS_SEED, type PluginHarness, type PluginHarnessOptions } from './create-plugin-harness.js';
export { createHarnessDriver, type DriverPlace, type HarnessDriver } from './harness-driver.js';
