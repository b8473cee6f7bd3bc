/** Spending limits in USD (decimal strings or numbers, e.g. `"5"` or `0.5`); omit a period for no limit. */
export interface SpendLimits {
  dailyUsd?: number | string;
  monthlyUsd?: number | string;
}

/** Which limits apply; resolved per request, so limits can come from per-guild settings. */
export interface BudgetConfig {
  /** Limits for every guild unless `resolveGuild` returns others. */
  guild?: SpendLimits;
  /** Limits for every user unless `resolveUser` returns others. */
  user?: SpendLimits;
  /** Per-guild limits (e.g. from guild settings); `undefined` falls back to `guild`. */
  resolveGuild?: (guildId: string) => SpendLimits | undefined | Promise<SpendLimits | undefined>;
  /** Per-user limits; `undefined` falls back to `user`. */
  resolveUser?: (userId: string) => SpendLimits | undefined | Promise<SpendLimits | undefined>;
}
