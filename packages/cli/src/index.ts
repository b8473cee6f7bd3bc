// The app a bot repository declares in src/app.ts.
export { defineApp, isDefinedApp, type BaselineApp, type DefinedApp } from './app/define-app.js';
// Running it: what `baseline dev`, `baseline start` and the app's tests call.
export { startBaselineApp, type RunningApp, type StartBaselineAppOptions } from './app/start-baseline-app.js';
export { loadAppModule, APP_MODULES } from './app/load-app-module.js';
export { reloadCogs, type CogReload } from './app/reload-cogs.js';
// Helpers of the commands.
export { changelogEntries, type ChangelogEntry } from './support/changelog.js';
export { formatTable } from './support/format-table.js';
// Errors and the command.
export { CLI_ERROR_CODES, CliError, type CliErrorCode } from './support/cli-error.js';
export { createProgram } from './program.js';
