import type { PluginRouteHost } from '@baseline/core';
// Types the route host as @baseline/api's (declaration merging on core's PluginRegister).
import type {} from '@baseline/api';
import { z } from 'zod';
import { Wave } from './wave.entity.js';

/** The shape of `GET /api/v1/plugins/reference/guilds/{guild_id}/waves`, which the plugin's dashboard page reads. */
export const wavesResponse = z.object({
  waves: z.array(z.object({ id: z.number().int(), user_id: z.string(), waved_at: z.string() })),
  total: z.number().int(),
});

/** The plugin's API route: the guild's latest waves, for its authorized users and the developer team. */
export function registerWavesRoute(host: PluginRouteHost): void {
  host.route({
    method: 'GET',
    url: '/guilds/:guild_id/waves',
    summary: "The guild's latest waves (reference plugin)",
    access: 'guild',
    params: z.object({ guild_id: z.string().regex(/^\d{17,20}$/) }),
    responses: { 200: wavesResponse },
    async handler({ api, params }) {
      const em = api.services.db.fork();
      const [rows, total] = await em.findAndCount(Wave, { guildId: params.guild_id }, { orderBy: { wavedAt: 'desc' }, limit: 50 });
      return {
        waves: rows.map((wave) => ({ id: wave.id, user_id: wave.userId, waved_at: new Date(wave.wavedAt).toISOString() })),
        total,
      };
    },
  });
}
