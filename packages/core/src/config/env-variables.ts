import { z } from 'zod';
import { boolean, integer, origins, port, shardIds, snowflake, splitList, url } from './env-parsers.js';
import { resolveDiscordIntent, type DiscordIntentName } from './discord-intents.js';
import { LLM_PROVIDERS } from './llm-providers.js';

/** How one environment variable is validated and explained. */
export interface EnvVariable {
  /** Parses the raw string (trimmed; empty strings never reach it). */
  readonly schema: z.ZodType;
  /** What a valid value looks like, read after "expected", e.g. `an integer from 0 to 65535`. */
  readonly expected: string;
  /** A valid example value, used in fixes and `.env.example`. */
  readonly example: string;
  /**
   * `true`: the value is a secret and never echoed. `'url'`: a URL that may carry a password; it is echoed
   * with its credentials masked.
   */
  readonly secret?: true | 'url';
  /** Listed in `config.missingForProduction` when unset. */
  readonly productionRequired?: true;
}

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The original specification's level names map onto pino's. */
const LOG_LEVEL_ALIASES: Readonly<Record<string, LogLevel>> = { warning: 'warn', critical: 'fatal' };

const logLevel = () =>
  z.string().transform((raw, ctx) => {
    const value = raw.toLowerCase();
    const level = (LOG_LEVELS as readonly string[]).includes(value) ? (value as LogLevel) : LOG_LEVEL_ALIASES[value];
    if (level !== undefined) return level;
    ctx.issues.push({ code: 'custom', message: 'unknown level', input: raw });
    return z.NEVER;
  });

const intents = () =>
  z.string().transform((raw, ctx) => {
    const names: DiscordIntentName[] = [];
    const unknown: string[] = [];
    for (const item of splitList(raw)) {
      const name = resolveDiscordIntent(item);
      if (name === undefined) unknown.push(item);
      else if (!names.includes(name)) names.push(name);
    }
    if (unknown.length > 0) {
      ctx.issues.push({ code: 'custom', message: `unknown: ${unknown.join(', ')}`, input: raw });
      return z.NEVER;
    }
    return names;
  });

const secretKey = (expected: string) => ({ schema: z.string().optional(), expected, secret: true as const });
const llmKey = (example: string) => ({ ...secretKey('an API key'), example });
const llmBaseUrl = { schema: url(['http', 'https']).optional(), expected: 'an http(s) URL', example: 'http://127.0.0.1:4010/v1' };

/**
 * Every environment variable baseline reads, in `.env.example` order. Guild ids of the servers the bot is in
 * are never configuration: `MAIN_GUILD_ID` is only the developer team's guild.
 */
export const ENV_VARIABLES = {
  // Runtime
  NODE_ENV: { schema: z.enum(NODE_ENVS).default('development'), expected: 'development, production or test', example: 'production' },

  // Discord bot
  DISCORD_BOT_TOKEN: { ...secretKey('a bot token'), example: '<bot token>', productionRequired: true },
  DISCORD_INTENTS: {
    schema: intents().optional(),
    expected: 'comma-separated Discord intent names such as guilds,members,messages,message_content',
    example: 'guilds,members,messages,message_content',
  },
  DISCORD_API_BASE_URL: { schema: url(['http', 'https']).optional(), expected: 'an http(s) URL', example: 'http://127.0.0.1:4000/api' },
  SHARD_COUNT: { schema: integer(1, 100_000).optional(), expected: 'an integer from 1 to 100000', example: '4' },
  SHARD_IDS: { schema: shardIds().optional(), expected: 'comma-separated shard ids or ranges, e.g. 0,1,4-7', example: '0-1' },
  // A Kubernetes StatefulSet's pod: SHARD_IDS follows from its ordinal (deploy/kubernetes in the repository).
  SHARDS_PER_POD: { schema: integer(1, 100_000).optional(), expected: 'an integer from 1 to 100000', example: '2' },
  POD_ORDINAL: { schema: integer(0, 100_000).optional(), expected: 'an integer from 0 to 100000', example: '0' },

  // Discord OAuth2
  DISCORD_CLIENT_ID: {
    schema: snowflake().optional(),
    expected: 'a Discord snowflake (17 to 20 digits)',
    example: '123456789012345678',
    productionRequired: true,
  },
  DISCORD_CLIENT_SECRET: { ...secretKey('an OAuth2 client secret'), example: '<client secret>', productionRequired: true },
  DISCORD_REDIRECT_URI: {
    schema: url(['http', 'https']).optional(),
    expected: 'an http(s) URL',
    example: 'https://dashboard.example.com/auth/callback',
    productionRequired: true,
  },

  // Developer team
  MAIN_GUILD_ID: { schema: snowflake().optional(), expected: 'a Discord snowflake (17 to 20 digits)', example: '123456789012345678', productionRequired: true },

  // Storage
  DATABASE_URL: {
    schema: url(['postgres', 'postgresql']).optional(),
    expected: 'a postgres:// or postgresql:// URL',
    example: 'postgresql://baseline:password@localhost:5432/baseline',
    secret: 'url',
    productionRequired: true,
  },
  REDIS_URL: {
    schema: url(['redis', 'rediss']).optional(),
    expected: 'a redis:// or rediss:// URL',
    example: 'redis://localhost:6379/0',
    secret: 'url',
    productionRequired: true,
  },

  // API
  API_HOST: { schema: z.string().default('0.0.0.0'), expected: 'a host name or IP address', example: '0.0.0.0' },
  API_PORT: { schema: port().default(3000), expected: 'an integer from 0 to 65535', example: '3000' },
  API_SECRET_KEY: {
    schema: z.string().min(32).optional(),
    expected: 'a random string of at least 32 characters',
    example: '<output of: openssl rand -hex 32>',
    secret: true,
    productionRequired: true,
  },
  API_CORS_ORIGINS: {
    schema: origins().optional(),
    expected: 'comma-separated origins such as https://dashboard.example.com',
    example: 'https://dashboard.example.com,http://localhost:5173',
    productionRequired: true,
  },

  // Health check
  HEALTH_HOST: { schema: z.string().default('0.0.0.0'), expected: 'a host name or IP address', example: '0.0.0.0' },
  HEALTH_PORT: { schema: port().default(8080), expected: 'an integer from 0 to 65535', example: '8080' },

  // Prometheus metrics
  METRICS_ENABLED: { schema: boolean().optional(), expected: 'true or false', example: 'true' },

  // LLM providers
  OPENAI_API_KEY: llmKey('sk-...'),
  ANTHROPIC_API_KEY: llmKey('sk-ant-...'),
  GOOGLE_API_KEY: llmKey('AIza...'),
  XAI_API_KEY: llmKey('xai-...'),
  OPENAI_BASE_URL: llmBaseUrl,
  ANTHROPIC_BASE_URL: llmBaseUrl,
  GOOGLE_GEMINI_BASE_URL: llmBaseUrl,
  XAI_BASE_URL: llmBaseUrl,
  LLM_DEFAULT_PROVIDER: { schema: z.enum(LLM_PROVIDERS).default('openai'), expected: LLM_PROVIDERS.join(', '), example: 'anthropic' },
  LLM_MAX_RETRIES: { schema: integer(0, 20).default(3), expected: 'an integer from 0 to 20', example: '3' },
  LLM_TIMEOUT_SECONDS: { schema: integer(1, 3600).default(60), expected: 'an integer from 1 to 3600', example: '60' },

  // Logging
  LOG_LEVEL: { schema: logLevel().optional(), expected: `one of ${LOG_LEVELS.join(', ')}`, example: 'info' },
  LOG_PRETTY: { schema: boolean().optional(), expected: 'true or false', example: 'true' },
  LOG_FILE: { schema: z.string().optional(), expected: 'a file path', example: './logs/bot.log' },
  LOG_FILE_MAX_SIZE: {
    schema: z
      .string()
      .regex(/^\d+[kmg]?$/i)
      .default('10m'),
    expected: 'a size such as 500k, 10m or 1g',
    example: '10m',
  },
  LOG_FILE_FREQUENCY: { schema: z.enum(['daily', 'hourly', 'none']).default('daily'), expected: 'daily, hourly or none', example: 'daily' },
  LOG_FILE_KEEP: { schema: integer(1, 1000).default(7), expected: 'an integer from 1 to 1000', example: '7' },
} as const satisfies Record<string, EnvVariable>;

/** The name of an environment variable baseline reads. */
export type EnvVariableName = keyof typeof ENV_VARIABLES;

type EnvShape = { [K in EnvVariableName]: (typeof ENV_VARIABLES)[K]['schema'] };

/** The zod schema of all baseline variables, keyed by variable name. */
export const envSchema = z.object(Object.fromEntries(Object.entries(ENV_VARIABLES).map(([name, variable]) => [name, variable.schema])) as EnvShape);

/** Baseline's variables after validation, keyed by variable name. */
export type ParsedEnv = z.output<typeof envSchema>;
