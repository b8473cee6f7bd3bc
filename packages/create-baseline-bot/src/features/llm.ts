import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LLM_PROVIDER_KEYS } from '../answers.js';
import { DEPENDENCY_VERSIONS } from '../versions.js';
import type { Feature } from './feature.js';

/** LLM providers: `@baseline/llm` in the services container (`services.llm`) and a key per provider in .env.example. */
export const llmFeature: Feature = {
  name: 'LLM providers',
  templates: ['bot'],
  async install({ dir, answers, pkg }) {
    if (answers.llmProviders.length === 0) return;
    pkg.dependencies = { ...pkg.dependencies, '@baseline/llm': DEPENDENCY_VERSIONS['@baseline/llm'] };
    const keys = answers.llmProviders.map((provider) => `# ${LLM_PROVIDER_KEYS[provider]}=`);
    await appendFile(
      join(dir, '.env.example'),
      `\n# LLM providers (services.llm); without a key a provider is off\nLLM_DEFAULT_PROVIDER=${answers.llmProviders[0]}\n${keys.join('\n')}\n`,
    );
    const appPath = join(dir, 'src', 'app.ts');
    const app = await readFile(appPath, 'utf8');
    await writeFile(
      appPath,
      app
        .replace("import { defineApp } from '@baseline/cli';", "import { defineApp } from '@baseline/cli';\nimport { llmExtension } from '@baseline/llm';")
        .replace('defineApp({ plugins })', 'defineApp({ plugins, extensions: [llmExtension()] })'),
    );
  },
};
