import { defineSettings, definePlugin } from '@baseline/core';
import { z } from 'zod';
import '../../src/index.js';

/** A plugin with settings and API routes, as a plugin author would write it. */
export const greeterPlugin = definePlugin({
  id: 'greeter',
  name: 'Greeter',
  version: '1.0.0',
  settings: defineSettings(z.object({ greeting: z.string().min(1).max(100).default('Hello'), maxPerDay: z.number().int().min(0).max(10).default(3) })),
  routes(host) {
    host.route({
      method: 'GET',
      url: '/guilds/:guild_id/greeting',
      summary: "This guild's greeting",
      access: 'guild',
      params: z.object({ guild_id: z.string().regex(/^\d{17,20}$/) }),
      responses: { 200: z.object({ text: z.string() }) },
      async handler({ api, params }) {
        const settings = await api.services.settings.get(params.guild_id, 'greeter');
        return { text: `${String(settings.greeting)}!` };
      },
    });
    host.route({
      method: 'POST',
      url: '/echo',
      summary: 'Echo a validated message',
      access: 'user',
      body: z.object({ message: z.string().min(1).max(20) }),
      responses: { 201: z.object({ message: z.string(), user_id: z.string() }) },
      handler: ({ body, caller }) => ({ message: body.message, user_id: caller.userId }),
    });
  },
});

/** A second namespace, to prove a multi-namespace update is all or nothing. */
export const moderationPlugin = definePlugin({
  id: 'moderation',
  name: 'Moderation',
  version: '1.0.0',
  settings: defineSettings(z.object({ maxWarnings: z.number().int().min(1).max(10).default(3), enabled: z.boolean().default(false) })),
});

/** A plugin whose routes hook throws: its routes are skipped, the API still starts. */
export const brokenRoutesPlugin = definePlugin({
  id: 'broken-routes',
  name: 'Broken routes',
  version: '1.0.0',
  routes() {
    throw new Error('cannot register');
  },
});
