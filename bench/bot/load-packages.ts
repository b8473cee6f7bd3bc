// The packages the bot benchmarks need, from the workspace sources and packages/bot's own dependencies
// (the repository root depends on neither), so baseline and the bare bot share one discord.js.
import { createRequire } from 'node:module';
import type * as DiscordJs from 'discord.js';
import type * as Zod from 'zod';

const fromBot = createRequire(new URL('../../packages/bot/package.json', import.meta.url));
export const discord = fromBot('discord.js') as typeof DiscordJs;
export const { z } = createRequire(new URL('../../packages/core/package.json', import.meta.url))('zod') as typeof Zod;
