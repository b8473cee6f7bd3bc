import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Feature } from './feature.js';

/** The packages only the `web/` dashboard app uses. */
const DASHBOARD_PACKAGES = ['@baseline/web-kit', 'vite', 'react', 'react-dom', '@types/react', '@types/react-dom'];

/** The dashboard: kept as the template has it, or removed with its packages, build and typecheck steps and test. */
export const dashboardFeature: Feature = {
  name: 'dashboard',
  templates: ['bot'],
  async install({ dir, answers, pkg }) {
    if (answers.dashboard) return;
    await rm(join(dir, 'web'), { recursive: true, force: true });
    await rm(join(dir, 'test', 'dashboard.test.ts'), { force: true });
    for (const name of DASHBOARD_PACKAGES) {
      delete pkg.dependencies?.[name];
      delete pkg.devDependencies?.[name];
    }
    if (pkg.scripts?.['build'] !== undefined) pkg.scripts['build'] = pkg.scripts['build'].replace(' && vite build web', '');
    if (pkg.scripts?.['typecheck'] !== undefined) pkg.scripts['typecheck'] = pkg.scripts['typecheck'].replace(' && tsc -p web/tsconfig.json', '');
  },
};
