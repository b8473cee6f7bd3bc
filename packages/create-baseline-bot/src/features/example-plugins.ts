import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXAMPLE_PLUGINS } from '../answers.js';
import type { Feature } from './feature.js';

/** The bot's own plugin, always kept. */
const OWN_PLUGIN = 'greeter';

/** The example plugins: the chosen ones stay in src/plugins/, the others go, and the plugin list follows. */
export const examplePluginsFeature: Feature = {
  name: 'example plugins',
  templates: ['bot'],
  async install({ dir, answers }) {
    for (const example of EXAMPLE_PLUGINS) {
      if (!answers.examplePlugins.includes(example)) await rm(join(dir, 'src', 'plugins', example), { recursive: true, force: true });
    }
    await writeFile(join(dir, 'src', 'plugins', 'index.ts'), pluginList([OWN_PLUGIN, ...answers.examplePlugins]));
  },
};

function pluginList(ids: readonly string[]): string {
  const imports = [...ids].sort().map((id) => `import ${id} from './${id}/index.js';`);
  return `${imports.join('\n')}\n\n/** The bot's own plugins, each in its folder under src/plugins/. */\nexport const plugins = [${ids.join(', ')}];\n`;
}
