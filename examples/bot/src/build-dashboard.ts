import { join } from 'node:path';
import { baselineDashboard } from '@baseline/web-kit/vite';
import { build, defaultClientConditions } from 'vite';

/**
 * Builds the example's dashboard (`web/`) for production into `web/dist` and returns that folder, for the API
 * to serve. Built from the workspace's TypeScript sources (the `@baseline/source` condition), so the demo needs
 * no package build first. For dashboard work with hot reload, run Vite's dev server in `web/` instead.
 */
export async function buildDashboard(appDir: string): Promise<string> {
  const outDir = join(appDir, 'web', 'dist');
  // Vite's build sets NODE_ENV=production in this process when it is unset; the demo's bot and API must not see it.
  const nodeEnv = process.env['NODE_ENV'];
  try {
    await build({
      root: join(appDir, 'web'),
      configFile: false,
      logLevel: 'warn',
      plugins: [baselineDashboard({ root: appDir })],
      resolve: { conditions: ['@baseline/source', ...defaultClientConditions] },
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  return outDir;
}
