import { createTsupConfig } from '../../tsup.shared.js';

export default createTsupConfig({
  // The library, and `@baseline/core/testing` (log capture for tests).
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
});
