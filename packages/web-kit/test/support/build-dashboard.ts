import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions, type Rollup } from 'vite';
import { baselineDashboard } from '../../src/vite/index.js';

/** The example bot's dashboard app: the one `npm run demo` serves. */
export const EXAMPLE_APP_DIR = fileURLToPath(new URL('../../../../examples/bot/', import.meta.url));
export const TEST_OUTPUT_DIR = fileURLToPath(new URL('../../test-output/', import.meta.url));

/** What a production build wrote: the output folder, its chunks and the build warnings. */
export interface BuiltDashboard {
  outDir: string;
  chunks: Rollup.OutputChunk[];
  assets: Rollup.OutputAsset[];
  warnings: string[];
}

/**
 * Builds `examples/bot/web` for production into `outDir`, from the kit's TypeScript sources (the
 * `@baseline/source` condition), so tests see the code as it is without a package build first.
 */
export async function buildExampleDashboard(outDir: string): Promise<BuiltDashboard> {
  const warnings: string[] = [];
  // A production build (React's production runtime, JSX without dev helpers) whatever NODE_ENV the test runner
  // set: Vite and its React plugin read it from the process.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  const result = await build({
    root: `${EXAMPLE_APP_DIR}web`,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    plugins: [baselineDashboard({ root: EXAMPLE_APP_DIR })],
    resolve: { conditions: ['@baseline/source', ...defaultClientConditions] },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    customLogger: {
      info: () => {},
      warn: (message) => warnings.push(message),
      warnOnce: (message) => warnings.push(message),
      error: (message) => warnings.push(message),
      clearScreen: () => {},
      hasErrorLogged: () => false,
      hasWarned: false,
    },
  }).finally(() => {
    process.env['NODE_ENV'] = nodeEnv;
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((entry) => ('output' in entry ? entry.output : []));
  return {
    outDir,
    chunks: outputs.filter((item): item is Rollup.OutputChunk => item.type === 'chunk'),
    assets: outputs.filter((item): item is Rollup.OutputAsset => item.type === 'asset'),
    warnings,
  };
}
