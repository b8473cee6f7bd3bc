import type { BaselineServices } from '@baseline/core';
import { LogLevel, SapphireClient } from '@sapphire/framework';
import type { ClientOptions } from 'discord.js';
import { createCacheOptions } from '../cache/create-cache-options.js';
import type { BotLocalization } from '../i18n/bot-localization.js';
import { buildRedisIdentifyThrottler } from '../sharding/create-redis-identify-throttler.js';
import { shardingClientOptions } from '../sharding/sharding-client-options.js';
import type { CreateBotOptions } from './bot-options.js';
import { resolveIntents } from './resolve-intents.js';
import { createRuntimePieces } from './runtime-pieces.js';
import { loadPieces, provideCorePieces, removePiece } from './sapphire-stores.js';
import { sapphireLogger } from './sapphire-logger.js';

/**
 * The discord.js client options of a bot: the plugins' intents, baseline's cache limits, the shard range, the
 * REST URL from the configuration (the emulator's in development) and, with Redis, one identify throttle shared by
 * every process; `options.clientOptions` is merged over them (its `rest` and `ws` key by key).
 */
export function botClientOptions(
  services: Pick<BaselineServices, 'config' | 'plugins' | 'kv'>,
  options: Pick<CreateBotOptions, 'cache' | 'clientOptions'>,
): ClientOptions {
  const { config } = services;
  return {
    intents: resolveIntents(config, services.plugins),
    ...(options.cache === false ? {} : createCacheOptions(options.cache ?? {})),
    ...shardingClientOptions(config.sharding),
    ...options.clientOptions,
    rest: { ...(config.discord.apiBaseUrl === undefined ? {} : { api: config.discord.apiBaseUrl }), ...options.clientOptions?.rest },
    ws: {
      ...(services.kv.kind === 'redis' ? { buildIdentifyThrottler: buildRedisIdentifyThrottler(services.kv) } : {}),
      ...options.clientOptions?.ws,
    },
  };
}

/**
 * A Sapphire client with {@link botClientOptions}, logging through the services' logger, holding the pieces cog
 * commands rely on (checks, cooldowns, toggles, denial replies). Not logged in.
 */
export async function buildClient(
  services: BaselineServices,
  options: Pick<CreateBotOptions, 'cache' | 'clientOptions'>,
  localization: BotLocalization,
): Promise<SapphireClient<true>> {
  const client = new SapphireClient({
    ...botClientOptions(services, options),
    baseUserDirectory: null,
    loadMessageCommandListeners: false,
    logger: { instance: sapphireLogger(services.logger.child({ component: 'sapphire' })), level: LogLevel.Debug },
  }) as SapphireClient<true>;
  provideCorePieces(client);
  // Baseline syncs commands itself (diffed, locked, counted); Sapphire's registration on ready stays off.
  await removePiece(client, 'listeners', 'CoreReady');
  await loadPieces(client, createRuntimePieces({ kv: services.kv, toggles: services.toggles, localization }));
  return client;
}
