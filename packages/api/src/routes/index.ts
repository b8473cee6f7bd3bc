import type { AnyRouteDefinition } from '../http/define-route.js';
import { authorizeUrlRoute } from './auth/authorize-url-route.js';
import { callbackRoute } from './auth/callback-route.js';
import { logoutRoute } from './auth/logout-route.js';
import { meRoute } from './auth/me-route.js';
import { auditLogRoute } from './guilds/audit-log-route.js';
import { grantAccessRoute, listAuthorizedUsersRoute, revokeAccessRoute } from './guilds/authorized-users-routes.js';
import { getGuildRoute } from './guilds/get-guild-route.js';
import { guildDiscordRoute } from './guilds/guild-discord-route.js';
import { listGuildsRoute } from './guilds/list-guilds-route.js';
import { listMembersRoute } from './guilds/list-members-route.js';
import { healthRoute } from './health/health-route.js';
import { usageBreakdownRoute } from './llm/usage-breakdown-route.js';
import { listModelsRoute, putPricingRoute, usageByCogRoute, usageByGuildRoute, usageSummaryRoute } from './llm/llm-routes.js';
import { eraseUserDataRoute } from './privacy/erase-user-data-route.js';
import { resetSettingsRoute } from './settings/reset-settings-route.js';
import { getSettingRoute, getSettingsRoute, putSettingsRoute, settingsSchemaRoute } from './settings/settings-routes.js';
import { guildShardRoute, listShardsRoute } from './shards/shard-routes.js';
import { listTasksRoute } from './tasks/list-tasks-route.js';
import { getTogglesRoute, putToggleRoute } from './toggles/toggle-routes.js';

/** Every built-in route, mounted under `/api/v1`. */
export const API_ROUTES: readonly AnyRouteDefinition[] = [
  healthRoute('/health'),
  authorizeUrlRoute,
  callbackRoute,
  logoutRoute,
  meRoute,
  listGuildsRoute,
  getGuildRoute,
  listMembersRoute,
  guildDiscordRoute,
  listAuthorizedUsersRoute,
  grantAccessRoute,
  revokeAccessRoute,
  auditLogRoute,
  getSettingsRoute,
  getSettingRoute,
  putSettingsRoute,
  resetSettingsRoute,
  settingsSchemaRoute,
  getTogglesRoute,
  putToggleRoute,
  listTasksRoute,
  listShardsRoute,
  guildShardRoute,
  usageSummaryRoute,
  usageByGuildRoute,
  usageByCogRoute,
  usageBreakdownRoute,
  listModelsRoute,
  putPricingRoute,
  eraseUserDataRoute,
] as AnyRouteDefinition[];
