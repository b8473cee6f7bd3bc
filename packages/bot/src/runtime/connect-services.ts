import { createServices, type BaselineServices } from '@baseline/core';
import { withDefaultLlmExtension } from '@baseline/llm';
import type { CreateBotOptions } from './bot-options.js';

/** The bot's services container and whether the bot closes it. */
export interface BotServices {
  readonly services: BaselineServices;
  /** The bot built the container (it was not passed in). */
  readonly owned: boolean;
  /** Close the container when the bot stops: `options.closeServices`, else when the bot built it. */
  readonly closeOnStop: boolean;
}

/**
 * The services container given in `options.services`, or a new one (`service: 'bot'`, with the default LLM
 * extension) built from the rest of the options: configuration, database and migrations, key-value store,
 * plugins.
 */
export async function connectServices(options: CreateBotOptions): Promise<BotServices> {
  const owned = options.services === undefined;
  const services = options.services ?? (await createServices({ ...options, service: 'bot', extensions: withDefaultLlmExtension(options.extensions) }));
  return { services, owned, closeOnStop: options.closeServices ?? owned };
}
