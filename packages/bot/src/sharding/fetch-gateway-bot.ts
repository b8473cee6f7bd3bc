import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';

/** What `GET /gateway/bot` says about sharding. */
export interface GatewayBotInfo {
  /** Recommended shard count. */
  readonly shards: number;
  /** Shards that may identify at the same time (`session_start_limit.max_concurrency`). */
  readonly maxConcurrency: number;
  /** Identifies left today. */
  readonly remainingSessions: number;
}

/**
 * Asks Discord for the recommended shard count and identify concurrency, e.g. before forking a cluster.
 *
 * @param token - the bot token
 * @param apiBaseUrl - REST base ending in `/api` @default 'https://discord.com/api'
 * @throws BotError `BL_ERR_SHARDING_GATEWAY` when Discord answers with an error
 */
export async function fetchGatewayBot(token: string, apiBaseUrl = 'https://discord.com/api'): Promise<GatewayBotInfo> {
  const response = await fetch(`${apiBaseUrl.replace(/\/$/, '')}/v10/gateway/bot`, { headers: { authorization: `Bot ${token}` } });
  if (!response.ok) {
    throw new BotError(BOT_ERROR_CODES.shardingGateway, `GET /gateway/bot failed with HTTP ${response.status}; check DISCORD_BOT_TOKEN`);
  }
  const body = (await response.json()) as { shards: number; session_start_limit: { max_concurrency: number; remaining: number } };
  return { shards: body.shards, maxConcurrency: body.session_start_limit.max_concurrency, remainingSessions: body.session_start_limit.remaining };
}
