import { AuditLogEntry } from './audit-log-entry.entity.js';
import { AuthorizedUser } from './authorized-user.entity.js';
import { Guild } from './guild.entity.js';
import { GuildSetting } from './guild-setting.entity.js';
import { GuildToggle } from './guild-toggle.entity.js';
import { LlmModelPricing } from './llm-model-pricing.entity.js';
import { LlmUsage } from './llm-usage.entity.js';
import { LlmUsageDailyGuild, LlmUsageDailyTotal } from './llm-usage-daily.entity.js';
import { PluginStorageEntry } from './plugin-storage-entry.entity.js';
import { UserOAuthGrant } from './user-oauth-grant.entity.js';

export {
  AuditLogEntry,
  AuthorizedUser,
  Guild,
  GuildSetting,
  GuildToggle,
  LlmModelPricing,
  LlmUsage,
  LlmUsageDailyGuild,
  LlmUsageDailyTotal,
  PluginStorageEntry,
  UserOAuthGrant,
};
export type { LlmRequestType } from './llm-usage.entity.js';

/** Every entity of baseline's own tables, in the order `createDatabase` registers them. */
export const baselineEntities = [
  Guild,
  AuthorizedUser,
  GuildSetting,
  LlmUsage,
  LlmUsageDailyTotal,
  LlmUsageDailyGuild,
  LlmModelPricing,
  AuditLogEntry,
  PluginStorageEntry,
  GuildToggle,
  UserOAuthGrant,
];
