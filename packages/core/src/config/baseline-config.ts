import { deepFreeze } from '../settings/define-settings.js';
import type { DiscordIntentName } from './discord-intents.js';
import { ENV_VARIABLES, type EnvVariableName, type LogLevel, type NodeEnv, type ParsedEnv } from './env-variables.js';
import type { LlmProvider } from './llm-providers.js';

/** Where and how log files rotate; present only when `LOG_FILE` is set. */
export interface LogFileConfig {
  readonly path: string;
  /** Size limit per file before rotation, e.g. `10m`. */
  readonly maxSize: string;
  readonly frequency: 'daily' | 'hourly' | 'none';
  /** Rotated files kept besides the active one. */
  readonly keep: number;
}

/** Baseline's validated configuration, grouped by area. Frozen. */
export interface BaselineConfig {
  readonly nodeEnv: NodeEnv;
  readonly isProduction: boolean;
  readonly isDevelopment: boolean;
  readonly discord: {
    /** Unset in development: the Discord emulator is used instead. */
    readonly botToken: string | undefined;
    readonly clientId: string | undefined;
    readonly clientSecret: string | undefined;
    readonly redirectUri: string | undefined;
    /** The developer team's guild; members get elevated access. Never a guild the bot serves. */
    readonly mainGuildId: string | undefined;
    /** Canonical intent names; `undefined` lets the bot derive them from the loaded plugins. */
    readonly intents: readonly DiscordIntentName[] | undefined;
    /** REST base URL (`…/api`), e.g. the emulator's; `undefined` means Discord's. */
    readonly apiBaseUrl: string | undefined;
  };
  readonly sharding: {
    /** Total shard count; `undefined` means Discord's recommendation. */
    readonly count: number | undefined;
    /** Shards this process runs; `undefined` means all. */
    readonly ids: readonly number[] | undefined;
  };
  /** `undefined` URL: embedded PostgreSQL in development. */
  readonly database: { readonly url: string | undefined };
  /** `undefined` URL: in-memory key-value store (single process only). */
  readonly redis: { readonly url: string | undefined };
  readonly api: {
    readonly host: string;
    readonly port: number;
    readonly secretKey: string | undefined;
    readonly corsOrigins: readonly string[];
  };
  readonly health: { readonly host: string; readonly port: number };
  /** Prometheus `/metrics` on the bot's health server and the API (METRICS_ENABLED; default: off in production). */
  readonly metrics: { readonly enabled: boolean };
  readonly llm: {
    readonly defaultProvider: LlmProvider;
    readonly maxRetries: number;
    readonly timeoutSeconds: number;
    readonly apiKeys: Readonly<Record<LlmProvider, string | undefined>>;
    /** Provider endpoints, e.g. the LLM emulators'; `undefined` means the provider's own. */
    readonly baseUrls: Readonly<Record<LlmProvider, string | undefined>>;
  };
  readonly log: {
    /** `LOG_LEVEL`, else `debug` in development and `info` otherwise. */
    readonly level: LogLevel;
    readonly pretty: boolean | undefined;
    readonly file: LogFileConfig | undefined;
  };
  /** Variables production needs that are unset, e.g. `['DISCORD_BOT_TOKEN']`. Empty when ready. */
  readonly missingForProduction: readonly EnvVariableName[];
  /** Validated values of config extensions, by extension id. Read them with `extension.from(config)`. */
  readonly extensions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Variables listed in `missingForProduction` when unset. */
export const PRODUCTION_REQUIRED_VARIABLES = (Object.keys(ENV_VARIABLES) as EnvVariableName[]).filter((name) => 'productionRequired' in ENV_VARIABLES[name]);

/** Maps validated variables onto the grouped, camelCase config. */
export function buildConfig(env: ParsedEnv, extensions: Record<string, Record<string, unknown>>): BaselineConfig {
  const config: BaselineConfig = {
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    isDevelopment: env.NODE_ENV === 'development',
    discord: {
      botToken: env.DISCORD_BOT_TOKEN,
      clientId: env.DISCORD_CLIENT_ID,
      clientSecret: env.DISCORD_CLIENT_SECRET,
      redirectUri: env.DISCORD_REDIRECT_URI,
      mainGuildId: env.MAIN_GUILD_ID,
      intents: env.DISCORD_INTENTS,
      apiBaseUrl: env.DISCORD_API_BASE_URL,
    },
    sharding: { count: env.SHARD_COUNT, ids: env.SHARD_IDS },
    database: { url: env.DATABASE_URL },
    redis: { url: env.REDIS_URL },
    api: { host: env.API_HOST, port: env.API_PORT, secretKey: env.API_SECRET_KEY, corsOrigins: env.API_CORS_ORIGINS ?? [] },
    health: { host: env.HEALTH_HOST, port: env.HEALTH_PORT },
    // Off in production unless asked for: /metrics names guilds' command use and LLM spend.
    metrics: { enabled: env.METRICS_ENABLED ?? env.NODE_ENV !== 'production' },
    llm: {
      defaultProvider: env.LLM_DEFAULT_PROVIDER,
      maxRetries: env.LLM_MAX_RETRIES,
      timeoutSeconds: env.LLM_TIMEOUT_SECONDS,
      // The one place Google's variable names meet the provider id `gemini`.
      apiKeys: { openai: env.OPENAI_API_KEY, anthropic: env.ANTHROPIC_API_KEY, gemini: env.GOOGLE_API_KEY, xai: env.XAI_API_KEY },
      baseUrls: {
        openai: env.OPENAI_BASE_URL,
        anthropic: env.ANTHROPIC_BASE_URL,
        gemini: env.GOOGLE_GEMINI_BASE_URL,
        xai: env.XAI_BASE_URL,
      },
    },
    log: {
      level: env.LOG_LEVEL ?? (env.NODE_ENV === 'development' ? 'debug' : 'info'),
      pretty: env.LOG_PRETTY,
      file:
        env.LOG_FILE === undefined
          ? undefined
          : { path: env.LOG_FILE, maxSize: env.LOG_FILE_MAX_SIZE, frequency: env.LOG_FILE_FREQUENCY, keep: env.LOG_FILE_KEEP },
    },
    missingForProduction: PRODUCTION_REQUIRED_VARIABLES.filter((name) => env[name] === undefined),
    extensions,
  };
  return deepFreeze(config);
}
