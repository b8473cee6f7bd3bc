import { createTsupConfig } from '../../tsup.shared.js';

export default createTsupConfig({
  // The library; `@baseline/core/errors` (the error base alone, free of Node imports, for browser code and packages
  // that must stay light); and `@baseline/core/testing` (log capture and test services for tests).
  entry: { index: 'src/index.ts', errors: 'src/errors/index.ts', testing: 'src/testing/index.ts' },
  // Entries share their common modules as chunks: `BaselineError` must be one class whichever entry loaded it, or
  // `instanceof` fails on an error thrown by a package that imports `@baseline/core/errors`.
  splitting: true,
});
