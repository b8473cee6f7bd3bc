import type { DiscordEmulatorSeed } from './state/seed.js';
import type { GuildCreateMemberMode } from './state/payloads.js';

/** Privileged gateway intents an application can have enabled. */
export type PrivilegedIntent = 'GuildMembers' | 'GuildPresences' | 'MessageContent';

/** The emulated application and its bot user. */
export interface ApplicationOptions {
  /** Application id, also the bot user id. @default a generated snowflake */
  id?: string;
  /** Application name. @default 'baseline-dev' */
  name?: string;
  /** Bot username. @default the application name */
  botUsername?: string;
  /** Bot token, shaped like a real one (`base64(id).emu.<random>`). @default generated */
  botToken?: string;
  /** OAuth2 client secret. @default generated */
  clientSecret?: string;
  /** OAuth2 redirect URIs accepted at authorize/token; an empty list accepts any. @default [] */
  redirectUris?: string[];
  /** Privileged intents enabled for the app; others close IDENTIFY with 4014. @default all three */
  privilegedIntents?: PrivilegedIntent[];
  /** Id of the user owning the application (for client-credentials tokens). @default none */
  ownerId?: string;
}

/** Gateway behaviour. */
export interface GatewayOptions {
  /** HELLO `heartbeat_interval`. @default 41250 */
  heartbeatIntervalMs?: number;
  /** A connection that sends no heartbeat for this long is closed with 4009. @default 1.5 × interval + 1000 */
  heartbeatTimeoutMs?: number;
  /** `shards` in `GET /gateway/bot`; by default one per `guildsPerShard` guilds of the bot (at least 1). */
  recommendedShards?: number;
  /** Guilds per recommended shard. @default 1000 */
  guildsPerShard?: number;
  /** `session_start_limit.total`; IDENTIFYs beyond it are closed with 4004 (Discord resets the token). @default 1000 */
  sessionStartLimit?: number;
  /** `session_start_limit.reset_after`. @default 86_400_000 */
  sessionStartResetMs?: number;
  /** `session_start_limit.max_concurrency`. @default 16 */
  maxConcurrency?: number;
  /**
   * Identify bucket window: a second IDENTIFY in the same `shard_id % max_concurrency` bucket within it gets
   * INVALID_SESSION. Discord uses 5000; tests may lower it (clientOptions() then makes discord.js wait as long).
   * 0 disables the check. @default 5000
   */
  identifyIntervalMs?: number;
  /** How long a disconnected session stays resumable. @default 180_000 */
  resumeWindowMs?: number;
  /** Dispatches kept per session for RESUME replay. @default 10_000 */
  replayBufferSize?: number;
  /** Minimum time between two request-all-members (op 8) per guild; faster → RATE_LIMITED. @default 30_000 */
  memberRequestIntervalMs?: number;
  /**
   * Members listed in GUILD_CREATE: `'discord'` (everyone only with GUILD_PRESENCES in guilds under
   * `large_threshold`, else only the bot) or `'all'`. @default 'discord'
   */
  guildCreateMembers?: GuildCreateMemberMode;
}

/** REST behaviour. */
export interface RestOptions {
  /** Requests per bucket per window before a real 429. @default 10_000 */
  bucketLimit?: number;
  /** Bucket window. @default 1000 */
  bucketWindowMs?: number;
  /** `retry_after` of 429s forced by `forceRateLimit`. @default 100 */
  forcedRetryAfterMs?: number;
  /** Entries kept in `requests`. @default 10_000 */
  requestLogLimit?: number;
  /**
   * Where the one warning per unimplemented route goes (also listed in `emulator.unimplementedRequests`).
   * @default console.warn
   */
  warn?: (message: string) => void;
}

/** Interaction timing. */
export interface InteractionOptions {
  /** The initial callback must arrive within this time, else 10062. @default 3000 */
  responseTimeoutMs?: number;
  /** Webhook routes of an interaction work for this long, else 50027. @default 900_000 */
  tokenLifetimeMs?: number;
}

/** Application command quotas. */
export interface CommandOptions {
  /** New commands per scope (a guild, or global) per window; beyond it 400 / 30034. @default 200 */
  dailyCreateLimit?: number;
  /** The create-quota window. @default 86_400_000 */
  createWindowMs?: number;
}

/** OAuth2 behaviour. */
export interface OAuthOptions {
  /** Skip the user picker: `/oauth2/authorize` approves as this user (id or username) and redirects at once. */
  autoApproveUserId?: string;
  /** Authorization code lifetime. @default 600_000 */
  codeLifetimeMs?: number;
  /** Access token `expires_in`, seconds. @default 604_800 */
  accessTokenLifetimeSeconds?: number;
}

/** Options of {@link createDiscordEmulator}. Every field is optional. */
export interface DiscordEmulatorOptions {
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /** Port to bind; 0 picks a free one. @default 0 */
  port?: number;
  application?: ApplicationOptions;
  /** Initial users, guilds, roles, channels and members, or the path of a JSON file holding them. */
  seed?: DiscordEmulatorSeed | string;
  gateway?: GatewayOptions;
  rest?: RestOptions;
  interactions?: InteractionOptions;
  commands?: CommandOptions;
  oauth?: OAuthOptions;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  gateway: Omit<Required<GatewayOptions>, 'recommendedShards'> & { recommendedShards: number | null };
  rest: Required<RestOptions>;
  interactions: Required<InteractionOptions>;
  commands: Required<CommandOptions>;
  oauth: Required<Omit<OAuthOptions, 'autoApproveUserId'>> & { autoApproveUserId: string | null };
  privilegedIntents: Set<PrivilegedIntent>;
  redirectUris: string[];
}

export function resolveOptions(options: DiscordEmulatorOptions): ResolvedOptions {
  const gateway = options.gateway ?? {};
  const heartbeatIntervalMs = gateway.heartbeatIntervalMs ?? 41_250;
  return {
    gateway: {
      heartbeatIntervalMs,
      heartbeatTimeoutMs: gateway.heartbeatTimeoutMs ?? Math.round(heartbeatIntervalMs * 1.5) + 1000,
      recommendedShards: gateway.recommendedShards ?? null,
      guildsPerShard: gateway.guildsPerShard ?? 1000,
      sessionStartLimit: gateway.sessionStartLimit ?? 1000,
      sessionStartResetMs: gateway.sessionStartResetMs ?? 86_400_000,
      maxConcurrency: gateway.maxConcurrency ?? 16,
      identifyIntervalMs: gateway.identifyIntervalMs ?? 5000,
      resumeWindowMs: gateway.resumeWindowMs ?? 180_000,
      replayBufferSize: gateway.replayBufferSize ?? 10_000,
      memberRequestIntervalMs: gateway.memberRequestIntervalMs ?? 30_000,
      guildCreateMembers: gateway.guildCreateMembers ?? 'discord',
    },
    rest: {
      bucketLimit: options.rest?.bucketLimit ?? 10_000,
      bucketWindowMs: options.rest?.bucketWindowMs ?? 1000,
      forcedRetryAfterMs: options.rest?.forcedRetryAfterMs ?? 100,
      requestLogLimit: options.rest?.requestLogLimit ?? 10_000,
      warn: options.rest?.warn ?? ((message: string) => console.warn(message)),
    },
    commands: {
      dailyCreateLimit: options.commands?.dailyCreateLimit ?? 200,
      createWindowMs: options.commands?.createWindowMs ?? 86_400_000,
    },
    interactions: {
      responseTimeoutMs: options.interactions?.responseTimeoutMs ?? 3000,
      tokenLifetimeMs: options.interactions?.tokenLifetimeMs ?? 900_000,
    },
    oauth: {
      autoApproveUserId: options.oauth?.autoApproveUserId ?? null,
      codeLifetimeMs: options.oauth?.codeLifetimeMs ?? 600_000,
      accessTokenLifetimeSeconds: options.oauth?.accessTokenLifetimeSeconds ?? 604_800,
    },
    privilegedIntents: new Set(options.application?.privilegedIntents ?? ['GuildMembers', 'GuildPresences', 'MessageContent']),
    redirectUris: options.application?.redirectUris ?? [],
  };
}
