import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import type { AccessibleGuild } from './accessible-guilds.js';
import { accessibleGuildSchema } from '../auth/auth-schemas.js';

export const listGuildsRoute = defineRoute({
  method: 'GET',
  url: '/guilds',
  summary: 'Guilds the user is authorized for where the bot is active (every active guild for the developer team)',
  tags: ['guilds'],
  access: 'user',
  responses: { 200: z.object({ guilds: z.array(accessibleGuildSchema) }) },
  // Uncached (the developer team's lists, or no list cache) the query needs only the user: it starts while the
  // session is read.
  prefetch: (hint, api) => (api.options.caches.guildListTtlMs > 0 && !hint.developer ? undefined : api.accessibleGuilds.read(hint.userId, hint.developer)),
  async handler({ api, caller, prefetched }) {
    const guilds =
      prefetched === undefined
        ? await api.accessibleGuilds.of(caller.userId, caller.isDeveloper, caller.accessVersion)
        : ((await prefetched) as AccessibleGuild[]);
    return { guilds };
  },
});
