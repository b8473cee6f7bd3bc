import { createDiscordEmulator } from '../discord/create-discord-emulator.js';
import type { DiscordEmulator } from '../discord/discord-emulator.js';
import type { DiscordEmulatorOptions } from '../discord/options.js';
import demoSeed from './demo-seed.json' with { type: 'json' };
import { checkSeed, readStandaloneSeed, type StandaloneSeed } from './standalone-seed.js';
import { startPageServer } from './web/page-server.js';

/** Options of {@link startStandaloneEmulator}. */
export interface StandaloneEmulatorOptions {
  /** A seed object or the path of a JSON seed file ({@link StandaloneSeed}). @default the demo seed */
  seed?: StandaloneSeed | string;
  /** Interface both servers listen on. @default '127.0.0.1' */
  host?: string;
  /** Emulator port (REST, gateway, OAuth2); 0 picks a free one. @default 0 */
  port?: number;
  /** Web page port; 0 picks a free one. @default 0 */
  pagePort?: number;
  /** Further emulator options (gateway timings, OAuth2, …); `seed`, `host` and `port` come from above. */
  emulator?: Omit<DiscordEmulatorOptions, 'seed' | 'host' | 'port'>;
}

/** Where a running standalone emulator is reached. */
export interface StandaloneEmulatorUrls {
  /** `rest.api` for discord.js: `http://HOST:PORT/api` */
  rest: string;
  /** `ws://HOST:PORT/gateway` (also returned by `GET /gateway/bot`). */
  gateway: string;
  /** `http://HOST:PORT/oauth2/authorize` */
  oauthAuthorize: string;
  /** The web page: `http://HOST:PAGE_PORT/` */
  page: string;
}

/** A running standalone emulator: the emulator, its web page and what a bot needs to connect. */
export interface StandaloneEmulator {
  readonly emulator: DiscordEmulator;
  readonly urls: StandaloneEmulatorUrls;
  readonly botToken: string;
  readonly applicationId: string;
  readonly clientSecret: string;
  /** Stops the page server and the emulator (idempotent). */
  close(): Promise<void>;
}

/** The demo seed shipped with the package: two guilds with categories, channels, roles and four users. */
export const standaloneDemoSeed: StandaloneSeed = checkSeed(demoSeed, 'demo-seed.json');

/**
 * Starts the Discord emulator with a seed and a web page where a person picks a user and a channel, runs the
 * bot's registered slash commands through a generated form, sees the replies (ephemeral ones marked) and
 * clicks buttons. Used by the `baseline-emulator` command, `baseline emulator` and `npm run demo`.
 *
 * @param options - seed, host and ports; every field has a default.
 * @example
 * ```ts
 * const standalone = await startStandaloneEmulator({ seed: './seed.json', port: 8790, pagePort: 8791 });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standalone.urls.rest } });
 * await client.login(standalone.botToken);
 * console.log(`open ${standalone.urls.page}`);
 * ```
 */
export async function startStandaloneEmulator(options: StandaloneEmulatorOptions = {}): Promise<StandaloneEmulator> {
  const seed = typeof options.seed === 'string' ? readStandaloneSeed(options.seed) : (options.seed ?? standaloneDemoSeed);
  const host = options.host ?? '127.0.0.1';
  const extra = options.emulator ?? {};
  const emulator = await createDiscordEmulator({
    ...extra,
    application: { ...seed.application, ...extra.application },
    seed: { users: seed.users ?? [], guilds: seed.guilds ?? [] },
    host,
    port: options.port ?? 0,
  });
  const partial = {
    rest: emulator.restUrl,
    gateway: emulator.gatewayUrl,
    oauthAuthorize: `${emulator.url}/oauth2/authorize`,
  };
  let page;
  try {
    page = await startPageServer(emulator, {
      host,
      port: options.pagePort ?? 0,
      urls: partial,
      responseTimeoutMs: extra.interactions?.responseTimeoutMs ?? 3000,
    });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    emulator,
    urls: { ...partial, page: page.url },
    botToken: emulator.botToken,
    applicationId: emulator.applicationId,
    clientSecret: emulator.clientSecret,
    close: () => (closing ??= page.close().then(() => emulator.close())),
  };
}
