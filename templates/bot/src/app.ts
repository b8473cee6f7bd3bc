import { defineApp } from '@baseline/cli';
import { plugins } from './plugins/index.js';

/**
 * The bot: what `baseline dev` (from src/) and `baseline start` (from dist/) run, and what the tests start.
 * Plugins installed from npm are found in package.json by themselves; list here only the bot's own.
 */
export default defineApp({ plugins });
