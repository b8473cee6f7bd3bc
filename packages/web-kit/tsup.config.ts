import { createTsupConfig } from '../../tsup.shared.js';

export default [
  // The browser library (app, client, contract, components). Split, so the pages loaded lazily (charts,
  // JSON-Schema forms) stay chunks of their own in an app's build. The virtual module exists only in an app built
  // with `baselineDashboard()`.
  createTsupConfig({
    entry: { index: 'src/index.ts' },
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    external: ['react', 'react-dom', 'virtual:baseline/plugins'],
  }),
  // The Vite plugin, run by Node.
  createTsupConfig({ entry: { vite: 'src/vite/index.ts' }, clean: false, external: ['vite'] }),
];
