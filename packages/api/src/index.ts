// Building the API.
export { createApi, type BaselineApi } from './create-api.js';
export type {
  ApiCacheOptions,
  ApiDeveloperTeamOptions,
  ApiHttpOptions,
  ApiCommandPermissionOptions,
  ApiOAuthOptions,
  ApiSessionOptions,
  ApiShardOptions,
  CreateApiOptions,
} from './api-options.js';
export { startApi, type RunningApi, type StartApiOptions } from './start-api.js';
export type { DashboardOptions } from './http/serve-dashboard.js';

// Routes: definitions with zod schemas, for plugins and for reading the contract.
export { defineRoute, type RouteAccess, type RouteContext, type RouteDefinition, type RouteMethod } from './http/define-route.js';
export type { ApiContext } from './http/api-context.js';
export type { Caller } from './auth/caller.js';
export { CSRF_HEADER } from './http/register-route.js';
export type { ApiRouteHost } from './plugins/api-route-host.js';

// Errors: the uniform body and the codes.
export { ApiError, API_ERROR_CODES, type FieldError } from './errors/api-error.js';
export { errorBodySchema, type ErrorBody } from './errors/error-body.js';

// Rate limits.
export type { RateLimitOptions, RateLimitRule } from './rate-limit/rate-limit-options.js';
