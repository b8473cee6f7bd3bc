import { defineConfig } from 'tsup';

// Two entries, as the "baseline" manifest in package.json names them: the runtime (bot and API) and the
// dashboard page, which only the dashboard loads, lazily. Baseline, discord.js and zod stay external: the bot
// app provides them (peer dependencies), so it holds one copy of each.
export default defineConfig({
  entry: { index: 'src/index.ts', web: 'src/web.ts' },
  format: ['esm'],
  target: 'node22',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  external: [/^@baseline\//, 'discord.js', 'zod', /^react/],
});
