import type { RouteDefinition } from '../route.js';

/** `GET /gateway` and `GET /gateway/bot`. */
export const gatewayRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/gateway',
    auth: 'none',
    handle: ({ core }) => ({ body: { url: core.ctx.gatewayUrl } }),
  },
  {
    method: 'GET',
    path: '/gateway/bot',
    auth: 'bot',
    handle: ({ core }) => {
      const { options, state } = core.ctx;
      const shards = options.gateway.recommendedShards ?? Math.max(1, Math.ceil(state.botGuildIds.size / options.gateway.guildsPerShard));
      return { body: { url: core.ctx.gatewayUrl, shards, session_start_limit: core.gateway.sessionStartLimit() } };
    },
  },
];
