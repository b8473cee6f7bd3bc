import type { QueryClient } from '@tanstack/react-query';
import { createRootRoute, createRoute, createRouter, type AnyRoute, type RouterHistory } from '@tanstack/react-router';
import { lazy } from 'react';
import { AdminLayout } from './layout/admin-layout.js';
import { AppShell } from './layout/app-shell.js';
import { GuildLayout } from './layout/guild-layout.js';
import { PluginPage } from './layout/plugin-page.js';
import { RouteError } from './layout/route-error.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { HomePage } from '../pages/home-page.js';
import { AuthCallbackPage } from '../pages/auth-callback-page.js';
import { GuildOverviewPage } from '../pages/guild-overview-page.js';
import type { RegisteredWebPlugin } from '../plugins/plugin-entries.js';

// Pages that pull in large libraries (charts, JSON-Schema forms) are their own chunks, off the initial load.
const GuildSettingsPage = lazy(() => import('../pages/guild-settings-page.js'));
const GuildAccessPage = lazy(() => import('../pages/guild-access-page.js'));
const AdminShardsPage = lazy(() => import('../pages/admin-shards-page.js'));
const AdminLlmPage = lazy(() => import('../pages/admin-llm-page.js'));
const AdminTasksPage = lazy(() => import('../pages/admin-tasks-page.js'));
const GuildTogglesPage = lazy(() => import('../pages/guild-toggles-page.js'));

/**
 * The route tree: the built-in pages (spec section 8.1) plus every plugin route, under the guild layout
 * (`/guilds/$guildId/…`, guarded by guild access) or the admin layout (`/admin/…`, developer team only).
 *
 * @param history where the location lives; the default is the browser's address bar (page tests pass a memory history).
 */
export function createDashboardRouter(plugins: readonly RegisteredWebPlugin[], queryClient: QueryClient, history?: RouterHistory) {
  const root = createRootRoute({ component: AppShell, errorComponent: RouteError, notFoundComponent: NotFoundPage });
  const home = createRoute({ getParentRoute: () => root, path: '/', component: HomePage });
  const callback = createRoute({ getParentRoute: () => root, path: '/auth/callback', component: AuthCallbackPage });
  const guild = createRoute({ getParentRoute: () => root, path: '/guilds/$guildId', component: GuildLayout, errorComponent: RouteError });
  const admin = createRoute({ getParentRoute: () => root, path: '/admin', component: AdminLayout, errorComponent: RouteError });

  const guildPages: AnyRoute[] = [
    createRoute({ getParentRoute: () => guild, path: '/', component: GuildOverviewPage }),
    createRoute({ getParentRoute: () => guild, path: 'settings', component: GuildSettingsPage }),
    createRoute({ getParentRoute: () => guild, path: 'access', component: GuildAccessPage }),
    createRoute({ getParentRoute: () => guild, path: 'toggles', component: GuildTogglesPage }),
  ];
  const adminPages: AnyRoute[] = [
    createRoute({ getParentRoute: () => admin, path: 'shards', component: AdminShardsPage }),
    createRoute({ getParentRoute: () => admin, path: 'llm', component: AdminLlmPage }),
    createRoute({ getParentRoute: () => admin, path: 'tasks', component: AdminTasksPage }),
  ];
  for (const { packageName, plugin } of plugins) {
    for (const route of plugin.routes) {
      const underGuild = route.path.startsWith('/guilds/$guildId/');
      const parent = underGuild ? guild : admin;
      const path = route.path.slice(underGuild ? '/guilds/$guildId/'.length : '/admin/'.length);
      const Page = lazy(route.load);
      const component = () => <PluginPage title={route.title} packageName={packageName} page={Page} />;
      (underGuild ? guildPages : adminPages).push(createRoute({ getParentRoute: () => parent, path, component }));
    }
  }
  const routeTree = root.addChildren([home, callback, guild.addChildren(guildPages), admin.addChildren(adminPages)]);
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: false, scrollRestoration: true, ...(history === undefined ? {} : { history }) });
}

export type DashboardRouter = ReturnType<typeof createDashboardRouter>;
