import { baselineDashboard } from '@baseline/web-kit/vite';
import { defineConfig } from 'vite';

// The dashboard: web-kit's app shell plus the pages of every plugin in ../package.json, found by the plugin.
export default defineConfig({ plugins: [baselineDashboard()] });
