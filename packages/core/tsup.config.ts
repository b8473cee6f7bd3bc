import { createTsupConfig } from '../../tsup.shared.js';

export default createTsupConfig({
  // The library, `@baseline/core/testing` (log capture for tests) and `@baseline/core/errors` (the error base
  // alone, free of Node imports, for browser code such as the dashboard kit).
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', errors: 'src/errors/index.ts' },
  // One copy of each module across the entries, so `instanceof BaselineError` holds whichever entry made the error.
  splitting: true,
});
