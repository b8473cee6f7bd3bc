import { createTsupConfig } from '../../tsup.shared.js';

export default createTsupConfig({
  // The browser library (React components, client, contract) and, later, the Vite plugin entry.
  entry: { index: 'src/index.ts' },
  platform: 'neutral',
  external: ['react', 'react-dom', 'vite'],
});
