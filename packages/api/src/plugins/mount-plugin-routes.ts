import { BaselineError, type LoadedPlugin } from '@baseline/core';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../http/api-context.js';
import type { AnyRouteDefinition } from '../http/define-route.js';
import { registerRoute } from '../http/register-route.js';
import { routeProblem } from '../http/route-problem.js';
import type { MountedRoute } from '../openapi/build-openapi.js';
import type { ApiRouteHost } from './api-route-host.js';
import { API_ERROR_CODES } from '../errors/api-error.js';

const ROUTE_PATH = /^\/[A-Za-z0-9_\-/:.]*$/;

/**
 * Runs each plugin's `routes` hook and mounts what it declared under its prefix. A plugin whose hook throws,
 * or declares an invalid route (a path not starting with `/`, a guild-scoped route without a `:guild_id`
 * parameter, a `:guild_id` route that is `public` or `user`), gets none of its routes mounted
 * (`BL_ERR_API_PLUGIN_ROUTES`, logged); the others are unaffected.
 */
export async function mountPluginRoutes(app: FastifyInstance, api: ApiContext, mounted: MountedRoute[]): Promise<void> {
  for (const loaded of api.services.plugins) {
    const routes = loaded.plugin.routes;
    if (routes === undefined) continue;
    const declared: AnyRouteDefinition[] = [];
    const host: ApiRouteHost = {
      prefix: loaded.routePrefix,
      route(definition) {
        if (!ROUTE_PATH.test(definition.url)) {
          throw new BaselineError(API_ERROR_CODES.pluginRoutes, `plugin "${loaded.id}": route url "${definition.url}" must start with "/"`);
        }
        const problem = routeProblem(definition as AnyRouteDefinition);
        if (problem !== undefined) {
          throw new BaselineError(API_ERROR_CODES.pluginRoutes, `plugin "${loaded.id}": route ${definition.method} ${definition.url} ${problem}`);
        }
        declared.push(definition as AnyRouteDefinition);
      },
    };
    try {
      await routes(host, contextOf(loaded, api));
      for (const definition of declared) {
        registerRoute(app, api, loaded.routePrefix, definition);
        mounted.push({ prefix: loaded.routePrefix, definition: { ...definition, tags: definition.tags ?? [`plugin: ${loaded.id}`] } });
      }
      api.services.logger.info({ plugin: loaded.id, routes: declared.length, prefix: loaded.routePrefix }, 'plugin routes mounted');
    } catch (error) {
      const coded =
        error instanceof BaselineError
          ? error
          : new BaselineError(API_ERROR_CODES.pluginRoutes, `plugin "${loaded.id}": its routes failed to register`, { cause: error });
      api.services.logger.error({ err: coded, code: coded.code, plugin: loaded.id }, 'plugin routes skipped');
    }
  }
}

function contextOf(loaded: LoadedPlugin, api: ApiContext) {
  return { pluginId: loaded.id, logger: loaded.logger, settingsNamespace: loaded.settingsNamespace, services: api.services };
}
