// The tsup configuration every package reuses: `export default createTsupConfig({ entry: [...] })`.
import { defineConfig, type Options } from 'tsup';

export function createTsupConfig(options: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    tsconfig: 'tsconfig.build.json',
    ...options,
  });
}
