import { fileURLToPath } from 'node:url';
import { baselineDashboard } from '@baseline/web-kit/vite';
import { defineConfig } from 'vite';

// The dashboard app of the example bot. Plugins are found in the bot's package.json (one folder up), so the bot
// and its dashboard always agree on them. `vite` (dev server with HMR) proxies /api to the example's API.
export default defineConfig({
  plugins: [baselineDashboard({ root: fileURLToPath(new URL('..', import.meta.url)) })],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': process.env.BASELINE_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
