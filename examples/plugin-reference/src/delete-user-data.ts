import type { PluginContext, UserDataDeletion, UserDataScope } from '@baseline/core';
import { Wave } from './wave.entity.js';

/**
 * The reference plugin's `deleteUserData` hook: the user's waves are deleted in every guild. Join counts in the
 * plugin's storage are per guild, not per user, so nothing else names the user.
 */
export async function deleteReferenceUserData(userId: string, _scope: UserDataScope, { services }: PluginContext): Promise<UserDataDeletion> {
  const waves = await services.db.fork().nativeDelete(Wave, { userId });
  return { erased: { waves } };
}
