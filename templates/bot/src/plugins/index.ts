import counter from './counter/index.js';
import greeter from './greeter/index.js';

/** The bot's own plugins, each in its folder under src/plugins/. */
export const plugins = [greeter, counter];
