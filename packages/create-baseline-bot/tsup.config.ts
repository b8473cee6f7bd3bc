import { cp, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { createTsupConfig } from '../../tsup.shared.js';

/** What the workspace leaves in a template that a new project must not get. */
const SKIPPED = new Set(['node_modules', 'dist', '.baseline', '.turbo']);

// The templates are workspace members in ../../templates; the package ships a copy of them beside dist/.
export default createTsupConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  async onSuccess() {
    await rm('templates', { recursive: true, force: true });
    for (const template of ['bot', 'plugin']) {
      await cp(`../../templates/${template}`, `templates/${template}`, { recursive: true, filter: (source) => !SKIPPED.has(basename(source)) });
    }
  },
});
