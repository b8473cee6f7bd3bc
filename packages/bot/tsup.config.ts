import { createTsupConfig } from '../../tsup.shared.js';

export default createTsupConfig({
  // The runtime, and `@baseline/bot/testing` (the plugin harness; imports @baseline/testing, an optional peer).
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
});
