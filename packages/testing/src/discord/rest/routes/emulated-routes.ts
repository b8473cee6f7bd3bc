import { oauthRoutes } from '../../oauth/oauth-routes.js';
import type { RouteDefinition } from '../route.js';
import { channelAdminRoutes } from './channel-admin-routes.js';
import { channelRoutes } from './channel-routes.js';
import { commandPermissionRoutes } from './command-permission-routes.js';
import { applicationCommandRoutes } from './command-routes.js';
import { gatewayRoutes } from './gateway-routes.js';
import { guildRoutes } from './guild-routes.js';
import { interactionRoutes } from './interaction-routes.js';
import { memberRoutes } from './member-routes.js';
import { reactionRoutes } from './reaction-routes.js';
import { roleRoutes } from './role-routes.js';
import { threadRoutes } from './thread-routes.js';
import { userRoutes } from './user-routes.js';

/** Every REST route the emulator answers: the router's table, and the source of the README's fidelity table. */
export const emulatedRoutes: readonly RouteDefinition[] = [
  ...gatewayRoutes,
  ...userRoutes,
  ...applicationCommandRoutes,
  ...commandPermissionRoutes,
  ...interactionRoutes,
  ...channelRoutes,
  ...reactionRoutes,
  ...threadRoutes,
  ...channelAdminRoutes,
  ...guildRoutes,
  ...memberRoutes,
  ...roleRoutes,
  ...oauthRoutes,
];
