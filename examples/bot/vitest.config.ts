import { createVitestConfig } from '../../vitest.shared.js';

// `bot` is packages/bot's project name already.
export default createVitestConfig(import.meta.url, { test: { name: 'example-bot' } });
