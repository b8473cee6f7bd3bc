import type { AuditLogAppend } from '../database/repositories/audit-log-repository.js';
import type { SettingsRegistry } from './create-settings-registry.js';
import { SettingsError, SettingsValidationError } from './settings-errors.js';
import { CORE_ERROR_CODES } from '../errors/core-error-codes.js';

/** Options of {@link resetSettings}. */
export interface ResetSettingsOptions {
  /** The fields to reset; the whole namespace when absent. */
  fields?: readonly string[];
  /** The Discord user resetting, announced to listeners and recorded in the audit entry. */
  actorUserId?: string;
  /** Audit entries written in the same transaction, given the value before and after. */
  audit?(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): readonly AuditLogAppend[];
}

/**
 * Puts fields of a guild's settings namespace (or the whole namespace) back to their defaults: optional fields
 * without a default become absent. Stored, announced and audited like any change.
 *
 * @throws SettingsError `BL_ERR_SETTINGS_NAMESPACE_UNKNOWN`; SettingsValidationError `BL_ERR_SETTINGS_INVALID` for a
 * field the namespace does not have (nothing stored).
 * @example
 * ```ts
 * await resetSettings(services.settings, guildId, 'welcome', { fields: ['channelId'], actorUserId });
 * ```
 */
export async function resetSettings(
  registry: SettingsRegistry,
  guildId: string,
  namespace: string,
  options: ResetSettingsOptions = {},
): Promise<Readonly<Record<string, unknown>>> {
  const definition = registry.definition(namespace);
  if (definition === undefined) {
    throw new SettingsError(CORE_ERROR_CODES.settings.namespaceUnknown, `no settings namespace "${namespace}" is registered`, { details: { namespace } });
  }
  const unknown = (options.fields ?? []).filter((field) => !Object.hasOwn(definition.schema.shape, field));
  if (unknown.length > 0) {
    throw new SettingsValidationError(
      guildId,
      namespace,
      unknown.map((field) => ({ path: `${namespace}.${field}`, message: `"${namespace}" has no field "${field}"`, code: 'unrecognized_keys' })),
    );
  }
  const before = (await registry.get(guildId, namespace)) as Readonly<Record<string, unknown>>;
  const kept = options.fields === undefined ? {} : Object.fromEntries(Object.entries(before).filter(([key]) => !options.fields!.includes(key)));
  const written = await registry.setMany(
    guildId,
    { [namespace]: kept },
    {
      replace: true,
      ...(options.actorUserId === undefined ? {} : { actorUserId: options.actorUserId }),
      ...(options.audit === undefined
        ? {}
        : { audit: (values: Readonly<Record<string, Readonly<Record<string, unknown>>>>) => options.audit!(before, values[namespace]!) }),
    },
  );
  return written[namespace]!;
}
