import { createTsupConfig } from '../../tsup.shared.js';

export default createTsupConfig({ entry: ['src/index.ts', 'src/cli.ts'], splitting: true });
