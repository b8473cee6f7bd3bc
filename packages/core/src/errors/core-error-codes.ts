/**
 * Every code `@baseline/core` throws, grouped by area. The strings are stable (callers and log queries match on
 * them); throw sites name them through this table, never as literals.
 */
export const CORE_ERROR_CODES = {
  config: {
    /** The environment is invalid; a `ConfigError` lists every bad variable with its fix. */
    invalid: 'BL_ERR_CONFIG_INVALID',
    /** Two config extensions share an id or a variable. */
    extensionConflict: 'BL_ERR_CONFIG_EXTENSION_CONFLICT',
    /** A config extension's values were asked of a config loaded without that extension. */
    extensionMissing: 'BL_ERR_CONFIG_EXTENSION_MISSING',
  },
  database: {
    /** PostgreSQL cannot be reached at `DATABASE_URL`. */
    connect: 'BL_ERR_DB_CONNECT',
    /** Settings were written for a guild the `guilds` table does not know. */
    guildUnknown: 'BL_ERR_DB_GUILD_UNKNOWN',
    /** A migrations table name that is not lowercase letters, digits and `_`. */
    migrationTable: 'BL_ERR_DB_MIGRATION_TABLE',
    /** One migration listed twice in a set. */
    migrationDuplicate: 'BL_ERR_DB_MIGRATION_DUPLICATE',
    /** A migration failed; it was rolled back. */
    migrationFailed: 'BL_ERR_DB_MIGRATION_FAILED',
    /** A migration to revert to or from was never executed or is not in the list. */
    migrationUnknown: 'BL_ERR_DB_MIGRATION_UNKNOWN',
  },
  embedded: {
    /** The embedded PostgreSQL cannot use its data folder's permissions (running as root in a private checkout). */
    permissions: 'BL_ERR_EMBEDDED_PERMISSIONS',
    /** The data folder is not empty and holds no PostgreSQL cluster. */
    dataDir: 'BL_ERR_EMBEDDED_DATA_DIR',
    /** The embedded PostgreSQL did not start. */
    start: 'BL_ERR_EMBEDDED_START',
  },
  kv: {
    /** `incr` on a value that is not an integer. */
    notAnInteger: 'BL_ERR_KV_NOT_AN_INTEGER',
    /** A list or hash operation on a key holding another type. */
    wrongType: 'BL_ERR_KV_WRONG_TYPE',
    /** `withLock` found the lock held by another process. */
    lockBusy: 'BL_ERR_KV_LOCK_BUSY',
  },
  plugin: {
    /** The `"baseline"` field of a package.json is malformed. */
    manifestInvalid: 'BL_ERR_PLUGIN_MANIFEST_INVALID',
    /** The plugin does not support this baseline version. */
    versionUnsupported: 'BL_ERR_PLUGIN_VERSION_UNSUPPORTED',
    /** Importing the runtime entry threw. */
    entryImport: 'BL_ERR_PLUGIN_ENTRY_IMPORT',
    /** The entry's default export did not come from `definePlugin`. */
    notBranded: 'BL_ERR_PLUGIN_NOT_BRANDED',
    /** The object from `definePlugin` is malformed (id, version, fields). */
    definitionInvalid: 'BL_ERR_PLUGIN_DEFINITION_INVALID',
    /** Two plugins claim one id; neither loads. */
    duplicateId: 'BL_ERR_PLUGIN_DUPLICATE_ID',
    /** A required dependency is not installed. */
    dependencyMissing: 'BL_ERR_PLUGIN_DEPENDENCY_MISSING',
    /** A required dependency failed to load, so its dependent is skipped too. */
    dependencyFailed: 'BL_ERR_PLUGIN_DEPENDENCY_FAILED',
    /** Plugins depend on each other in a circle. */
    dependencyCycle: 'BL_ERR_PLUGIN_DEPENDENCY_CYCLE',
    /** A lifecycle hook threw. */
    hookFailed: 'BL_ERR_PLUGIN_HOOK_FAILED',
    /** The plugin's migrations failed; they were rolled back. */
    migrationFailed: 'BL_ERR_PLUGIN_MIGRATION_FAILED',
    /** The plugin's settings definition could not be registered. */
    settingsInvalid: 'BL_ERR_PLUGIN_SETTINGS_INVALID',
    /** The host app's own package.json cannot be read. */
    hostPackageInvalid: 'BL_ERR_PLUGIN_HOST_PACKAGE_INVALID',
  },
  settings: {
    /** An update does not match its namespace's schema; nothing was stored. */
    invalid: 'BL_ERR_SETTINGS_INVALID',
    /** A `defineSettings` schema that is not an object or has a field without a default. */
    definitionInvalid: 'BL_ERR_SETTINGS_DEFINITION_INVALID',
    /** A namespace name that is not allowed. */
    namespaceInvalid: 'BL_ERR_SETTINGS_NAMESPACE_INVALID',
    /** A namespace registered twice. */
    namespaceDuplicate: 'BL_ERR_SETTINGS_NAMESPACE_DUPLICATE',
    /** A namespace nobody registered. */
    namespaceUnknown: 'BL_ERR_SETTINGS_NAMESPACE_UNKNOWN',
    /** A conditional write over settings that changed since their revision was read; nothing was stored. */
    changed: 'BL_ERR_SETTINGS_CHANGED',
  },
  privacy: {
    /** The id given for an erasure is not a Discord user id. */
    userIdInvalid: 'BL_ERR_PRIVACY_USER_ID_INVALID',
  },
  storage: {
    /** A `defineStorage` key or default that is not allowed. */
    definitionInvalid: 'BL_ERR_STORAGE_DEFINITION_INVALID',
    /** A storage key the plugin did not declare. */
    keyUnknown: 'BL_ERR_STORAGE_KEY_UNKNOWN',
    /** A value that is not JSON, or `incr` on a key that is not numeric. */
    valueInvalid: 'BL_ERR_STORAGE_VALUE_INVALID',
  },
  testServices: {
    /** `BASELINE_TEST_DATABASE_URL` or `BASELINE_TEST_REDIS_URL` is not set: the test runs outside a setup that provides them. */
    unconfigured: 'BL_ERR_TEST_SERVICES_UNCONFIGURED',
    /** Every Redis logical database (1–15) on the test server is reserved by another test or holds keys. */
    redisDatabasesBusy: 'BL_ERR_TEST_SERVICES_REDIS_BUSY',
  },
  toggles: {
    /** A toggle names a plugin that is not loaded in this deployment. */
    unknownPlugin: 'BL_ERR_TOGGLES_UNKNOWN_PLUGIN',
    /** A toggle names a command the plugin does not declare. */
    unknownCommand: 'BL_ERR_TOGGLES_UNKNOWN_COMMAND',
  },
} as const;

type Values<T> = T[keyof T];

/** Any code in {@link CORE_ERROR_CODES}. */
export type CoreErrorCode = Values<{ [Area in keyof typeof CORE_ERROR_CODES]: Values<(typeof CORE_ERROR_CODES)[Area]> }>;
