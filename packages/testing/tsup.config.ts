import { createTsupConfig } from '../../tsup.shared.js';

export default createTsupConfig({
  // The library, and the `baseline-emulator` command (dist/baseline-emulator.js, see "bin").
  entry: { index: 'src/index.ts', 'baseline-emulator': 'src/standalone/cli.ts' },
});
