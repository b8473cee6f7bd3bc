// `npm run demo`: the example bot, offline against the Discord emulator unless DISCORD_BOT_TOKEN is set.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizePlugins } from './plugin-summary.js';
import { buildDashboard } from './build-dashboard.js';
import { startExampleBot } from './start-example-bot.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
// DEMO_DASHBOARD=false skips the dashboard build (e.g. while running Vite's dev server in web/ instead).
const dashboard = process.env['DEMO_DASHBOARD'] === 'false' ? undefined : await buildDashboard(appDir);
const { bot, emulator, pageUrl, api } = await startExampleBot({ appDir, ...(dashboard === undefined ? {} : { dashboard }) });
const logger = bot.services.logger.child({ component: 'demo' });

if (api !== undefined && dashboard !== undefined) {
  // First, so it is the line a newcomer sees: log in as "owner" on the emulator's page, change a setting, run /hello.
  logger.info({ dashboard: api.url }, `demo: the dashboard is at ${api.url}/ (log in as "owner" through the emulator's login page)`);
}
if (api !== undefined) {
  logger.info({ api: api.url, docs: `${api.url}/api/v1/docs` }, `demo: the REST API listens on ${api.url} (reference: ${api.url}/api/v1/docs)`);
}

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

// Last, the addresses a person opens, as `baseline dev` prints them: on stdout, after the logs of the start-up.
const rows: [string, string | undefined][] = [
  ['dashboard', api !== undefined && dashboard !== undefined ? `${api.url}/  (log in as "owner")` : undefined],
  ['emulator', pageUrl === undefined ? undefined : `${pageUrl}  (run commands as a demo user)`],
  ['API reference', api === undefined ? undefined : `${api.url}/api/v1/docs`],
  ['health', api === undefined ? undefined : `${api.url}/api/v1/health`],
];
const shown = rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, url]) => `  ${label.padEnd(16)}${url}`);
process.stdout.write(
  `\n● baseline demo is running against ${emulator === undefined ? 'Discord' : 'the Discord emulator'}\n${shown.join('\n')}\n  Ctrl+C stops everything.\n\n`,
);
