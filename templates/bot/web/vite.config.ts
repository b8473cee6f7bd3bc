import { fileURLToPath } from 'node:url';
import { baselineDashboard } from '@baseline/web-kit/vite';
import { defineConfig } from 'vite';

// The dashboard: web-kit's app shell plus the web pages of every plugin the bot's package.json (one folder up)
// lists, so the bot and its dashboard always agree on them. `npm run build` writes web/dist, which
// `baseline start` serves from the API's origin; under `baseline dev`, Vite's server sends /api to the API.
export default defineConfig({
  plugins: [baselineDashboard({ root: fileURLToPath(new URL('..', import.meta.url)) })],
  server: {
    proxy: { '/api': process.env['BASELINE_API_URL'] ?? 'http://127.0.0.1:3000' },
  },
});
