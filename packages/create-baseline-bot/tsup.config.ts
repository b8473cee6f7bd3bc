import { cp, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createTsupConfig } from '../../tsup.shared.js';

/** What the workspace leaves in a template that a new project must not get. */
const SKIPPED = new Set(['node_modules', 'dist', '.baseline', '.turbo']);

/**
 * A package.json inside a published package is read by tools as a nested package (publint warns that its
 * fields are ignored, and some registries index it), so the copy stores each one as `package.template.json`;
 * `scaffold()` renames it back.
 */
async function storeManifests(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await storeManifests(path);
    else if (entry.name === 'package.json') await rename(path, join(dir, 'package.template.json'));
  }
}

// The templates are workspace members in ../../templates; the package ships a copy of them beside dist/.
export default createTsupConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  async onSuccess() {
    await rm('templates', { recursive: true, force: true });
    for (const template of ['bot', 'plugin']) {
      await cp(`../../templates/${template}`, `templates/${template}`, { recursive: true, filter: (source) => !SKIPPED.has(basename(source)) });
    }
    await storeManifests('templates');
  },
});
