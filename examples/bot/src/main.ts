// `npm run demo`: the example bot, offline against the Discord emulator unless DISCORD_BOT_TOKEN is set.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizePlugins } from './plugin-summary.js';
import { startExampleBot } from './start-example-bot.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const { bot, emulator, pageUrl, api } = await startExampleBot({ appDir });
const logger = bot.services.logger.child({ component: 'demo' });

if (api !== undefined) {
  logger.info({ api: api.url, docs: `${api.url}/api/v1/docs` }, `demo: the REST API listens on ${api.url} (reference: ${api.url}/api/v1/docs)`);
}
logger.warn('demo: the dashboard (@baseline/web-kit) is not built yet; use the API reference page and the emulator page meanwhile');

if (emulator !== undefined) {
  const guild = [...emulator.state.guilds.values()][0]!;
  const alice = emulator.state.findUser('alice')!;
  const reply = await emulator.invokeSlashCommand({ guildId: guild.id, userId: alice.id, name: 'hello' }).reply();
  logger.info(
    { emulator: emulator.url, page: pageUrl, guild: guild.name, demo_reply: reply.content },
    `demo: alice ran /hello in "${guild.name}" and the bot answered "${reply.content}". Run more commands as any demo user on ${pageUrl}; Ctrl+C stops the bot gracefully.`,
  );
}

// The closing summary: which plugins run, and which were skipped with their code and reason.
const plugins = summarizePlugins(bot.services);
const level = plugins.skipped.length === 0 ? 'info' : 'warn';
logger[level]({ plugins_loaded: plugins.loaded, plugins_skipped: plugins.skipped }, `demo: ${plugins.text}`);
