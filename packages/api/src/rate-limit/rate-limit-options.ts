/** One fixed-window limit: at most `max` requests per `windowMs`. */
export interface RateLimitRule {
  max: number;
  windowMs: number;
}

/**
 * Rate limits, counted in the key-value store so they hold across API instances. `false` turns a scope off.
 * The developer team is never limited.
 */
export interface RateLimitOptions {
  /**
   * Every request to the API, all callers together.
   * @default { max: 60_000, windowMs: 60_000 }
   */
  global?: RateLimitRule | false;
  /**
   * Per signed-in user.
   * @default { max: 300, windowMs: 60_000 }
   */
  user?: RateLimitRule | false;
  /**
   * Per guild, for routes with a `guild_id`.
   * @default { max: 600, windowMs: 60_000 }
   */
  guild?: RateLimitRule | false;
  /**
   * Per client IP, for requests without a session.
   * @default { max: 60, windowMs: 60_000 }
   */
  anonymous?: RateLimitRule | false;
}

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = {
  global: { max: 60_000, windowMs: 60_000 },
  user: { max: 300, windowMs: 60_000 },
  guild: { max: 600, windowMs: 60_000 },
  anonymous: { max: 60, windowMs: 60_000 },
};
