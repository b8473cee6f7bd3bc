import { createCorrelationId, withLogContext } from '../logger/log-context.js';
import { eraseBaselineUserData, type BaselineUserDataErasure } from '../database/repositories/user-data-repository.js';
import { createPluginContext } from '../plugins/run-plugin-hooks.js';
import type { BaselineServices } from '../services/baseline-services.js';
import { isBigintId } from '../validation/snowflake.js';
import { PRIVACY_ERROR_CODES, PrivacyError } from './privacy-error.js';
import type { UserDataRequester, UserDataScope } from './user-data.js';

/** What one plugin did with an erasure request. */
export type PluginErasure =
  | { readonly plugin: string; readonly status: 'erased'; readonly erased: Readonly<Record<string, number>>; readonly note?: string }
  | { readonly plugin: string; readonly status: 'failed'; readonly error: { readonly code: string | undefined; readonly message: string } }
  /** The plugin declares no `deleteUserData` hook: whatever it stores about the user is still there. */
  | { readonly plugin: string; readonly status: 'not-compliant' };

/** The report of {@link eraseUserData}. */
export interface UserDataErasureReport {
  readonly userId: string;
  readonly requester: UserDataRequester;
  /** In every log line of the erasure, baseline's and the plugins'. */
  readonly correlationId: string;
  /** Rows changed in baseline's own tables. */
  readonly baseline: BaselineUserDataErasure;
  /** One entry per loaded plugin, in load order. */
  readonly plugins: readonly PluginErasure[];
  /** True when baseline and every plugin erased; false when a plugin failed or has no hook. */
  readonly complete: boolean;
}

/** Options of {@link eraseUserData}. */
export interface EraseUserDataOptions {
  readonly requester: UserDataRequester;
  /** @default a new correlation id */
  readonly correlationId?: string;
}

/**
 * Erases one Discord user's data across baseline and every loaded plugin: baseline's tables first (grants deleted,
 * usage rows anonymised so cost totals stay right, see `eraseBaselineUserData`), then each plugin's
 * `deleteUserData` hook in load order. A plugin that throws is reported as failed and the others still run;
 * a plugin without the hook is reported as not compliant. Idempotent.
 *
 * @param userId - a Discord user id.
 * @throws PrivacyError `BL_ERR_PRIVACY_USER_ID_INVALID` when `userId` is not a Discord id.
 * @example
 * ```ts
 * const report = await eraseUserData(services, '123456789012345678', { requester: 'operator' });
 * ```
 */
export async function eraseUserData(services: BaselineServices, userId: string, options: EraseUserDataOptions): Promise<UserDataErasureReport> {
  if (!/^\d{17,20}$/.test(userId) || !isBigintId(userId)) {
    throw new PrivacyError(
      PRIVACY_ERROR_CODES.userIdInvalid,
      `cannot erase data of "${userId.slice(0, 40)}": pass a Discord user id (17 to 20 digits, e.g. 123456789012345678)`,
      {
        details: { userId: userId.slice(0, 40) },
      },
    );
  }
  const correlationId = options.correlationId ?? createCorrelationId();
  const scope: UserDataScope = { requester: options.requester, correlationId };
  const logger = services.logger.child({ component: 'privacy' });
  return withLogContext({ correlation_id: correlationId, user_id: userId }, async () => {
    const baseline = await eraseBaselineUserData(services.db, userId);
    logger.info({ requester: scope.requester, baseline }, 'user data erased from baseline tables');
    const plugins: PluginErasure[] = [];
    for (const loaded of services.plugins) {
      const hook = loaded.plugin.deleteUserData;
      if (hook === undefined) {
        plugins.push({ plugin: loaded.id, status: 'not-compliant' });
        continue;
      }
      try {
        const result = await hook.call(loaded.plugin, userId, scope, createPluginContext(loaded, services));
        plugins.push({ plugin: loaded.id, status: 'erased', erased: { ...result.erased }, ...(result.note === undefined ? {} : { note: result.note }) });
        loaded.logger.info({ erased: result.erased }, 'user data erased');
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        plugins.push({
          plugin: loaded.id,
          status: 'failed',
          error: { code: typeof code === 'string' ? code : undefined, message: error instanceof Error ? error.message : String(error) },
        });
        loaded.logger.error({ err: error }, 'deleteUserData failed');
      }
    }
    const complete = plugins.every((entry) => entry.status === 'erased');
    logger.info({ requester: scope.requester, complete, plugins: plugins.map(({ plugin, status }) => ({ plugin, status })) }, 'user data erasure finished');
    return { userId, requester: scope.requester, correlationId, baseline, plugins, complete };
  });
}
