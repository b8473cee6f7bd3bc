// Type test, checked by `pnpm --filter @baseline/api typecheck`: importing @baseline/api types a plugin's
// `routes(host)` with the API's route host through core's PluginRegister.
import type { PluginRouteHost } from '@baseline/core';
import type { ApiRouteHost } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const hostIsTyped: Equal<PluginRouteHost, ApiRouteHost> = true;
void hostIsTyped;
