// Kept apart from cli-error.ts so that report-failure.ts can name a code without loading @baseline/core.
/** Every error code the `baseline` command exits with; the message says what was wrong and the fix. */
export const CLI_ERROR_CODES = {
  /** The folder has no package.json: not a bot repository. */
  notAnApp: 'BL_ERR_CLI_NOT_AN_APP',
  /** The app module (src/app.ts, dist/app.js) is missing or does not default-export `defineApp(...)`. */
  appModuleInvalid: 'BL_ERR_CLI_APP_MODULE_INVALID',
  /** An argument or option has a value the command cannot use. */
  invalidArgument: 'BL_ERR_CLI_INVALID_ARGUMENT',
  /** A plugin named on the command line is not loaded. */
  pluginUnknown: 'BL_ERR_CLI_PLUGIN_UNKNOWN',
  /** A plugin's package cannot be used by this bot (no manifest, unsupported baseline version, load failure). */
  pluginIncompatible: 'BL_ERR_CLI_PLUGIN_INCOMPATIBLE',
  /** A child process (package manager, Vite) failed. */
  childFailed: 'BL_ERR_CLI_CHILD_FAILED',
  /** The registry could not tell the versions of a package. */
  registryFailed: 'BL_ERR_CLI_REGISTRY_FAILED',
  /** A file the command would write exists already. */
  fileExists: 'BL_ERR_CLI_FILE_EXISTS',
  /** A migration failed or cannot be rolled back. */
  migrationFailed: 'BL_ERR_CLI_MIGRATION_FAILED',
  /** Anything that is not a coded error: a bug, printed with its stack. */
  unexpected: 'BL_ERR_CLI_UNEXPECTED',
} as const;

export type CliErrorCode = (typeof CLI_ERROR_CODES)[keyof typeof CLI_ERROR_CODES];
