import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { accessibleGuildSchema } from '../auth/auth-schemas.js';

export const listGuildsRoute = defineRoute({
  method: 'GET',
  url: '/guilds',
  summary: 'Guilds the user is authorized for where the bot is active (every active guild for the developer team)',
  tags: ['guilds'],
  access: 'user',
  responses: { 200: z.object({ guilds: z.array(accessibleGuildSchema) }) },
  async handler({ api, caller }) {
    return { guilds: await api.accessibleGuilds.of(caller!.userId, caller!.isDeveloper, caller!.accessVersion) };
  },
});
