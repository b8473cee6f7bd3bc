// `npm run demo`: the example bot, offline against the Discord emulator unless DISCORD_BOT_TOKEN is set.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startExampleBot } from './start-example-bot.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const { bot, emulator, pageUrl } = await startExampleBot({ appDir });
const logger = bot.services.logger.child({ component: 'demo' });

if (emulator !== undefined) {
  const guild = [...emulator.state.guilds.values()][0]!;
  const alice = emulator.state.findUser('alice')!;
  const reply = await emulator.invokeSlashCommand({ guildId: guild.id, userId: alice.id, name: 'hello' }).reply();
  logger.info(
    { emulator: emulator.url, page: pageUrl, guild: guild.name, demo_reply: reply.content },
    `demo: alice ran /hello in "${guild.name}" and the bot answered "${reply.content}". Run more commands as any demo user on ${pageUrl}; Ctrl+C stops the bot gracefully.`,
  );
}
