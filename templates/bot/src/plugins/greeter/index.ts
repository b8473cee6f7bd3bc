import { definePlugin } from '@baseline/core';
import { GreeterCog } from './greeter-cog.js';
import { greeterSettings } from './settings.js';

/** The bot's own plugin: one cog and its per-guild settings. */
export default definePlugin({
  id: 'greeter',
  name: 'Greeter',
  version: '0.1.0',
  description: 'Greets people with a per-server greeting',
  cogs: [GreeterCog],
  settings: greeterSettings,
});
