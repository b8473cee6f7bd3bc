import { withDefaultLlmExtension } from '@baseline/llm';
import { createServices, type BaselineServices, type CreateServicesOptions } from '@baseline/core';
import type { CreateApiOptions } from './api-options.js';
import { createApi, type BaselineApi } from './create-api.js';

/** Options of {@link startApi}. */
export interface StartApiOptions extends Omit<CreateApiOptions, 'services'> {
  /** Services to use; otherwise `createServices({ service: 'api', ...servicesOptions })`. */
  services?: BaselineServices;
  servicesOptions?: CreateServicesOptions;
  /** Overrides `API_HOST`. */
  host?: string;
  /** Overrides `API_PORT` (`0` picks a free port). */
  port?: number;
}

/** A running API process. */
export interface RunningApi {
  app: BaselineApi;
  services: BaselineServices;
  /** `http://host:port`. */
  url: string;
  /** Stops listening, then closes the services if `startApi` created them. */
  close(): Promise<void>;
}

/**
 * Creates the services (unless given), builds the API and listens on `API_HOST:API_PORT`: what `baseline start
 * api` runs.
 *
 * @example
 * ```ts
 * const running = await startApi();
 * process.once('SIGTERM', () => void running.close());
 * ```
 */
export async function startApi(options: StartApiOptions = {}): Promise<RunningApi> {
  const { services: given, servicesOptions, host, port, ...apiOptions } = options;
  // `services.llm` (pricing reloads, the `llm` settings namespace) whenever a provider has a key.
  const services = given ?? (await createServices({ service: 'api', ...servicesOptions, extensions: withDefaultLlmExtension(servicesOptions?.extensions) }));
  try {
    const app = await createApi({ ...apiOptions, services });
    const url = await app.listen({ host: host ?? services.config.api.host, port: port ?? services.config.api.port });
    services.logger.info({ url }, 'API listening');
    return {
      app,
      services,
      url,
      async close() {
        await app.close();
        if (given === undefined) await services.close();
      },
    };
  } catch (error) {
    if (given === undefined) await services.close();
    throw error;
  }
}
