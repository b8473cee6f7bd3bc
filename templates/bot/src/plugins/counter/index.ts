import { definePlugin } from '@baseline/core';
import { CounterCog } from './counter-cog.js';

/** An example plugin: a counter per server in the key-value store. */
export default definePlugin({
  id: 'counter',
  name: 'Counter',
  version: '0.1.0',
  description: 'Counts /count per server',
  cogs: [CounterCog],
});
