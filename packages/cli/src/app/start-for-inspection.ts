import { loadAppForCommand } from './app-plugins.js';
import { startBaselineApp, type RunningApp } from './start-baseline-app.js';
import { readAppPackage } from '../support/read-app-package.js';

/**
 * Starts the bot only to look at it (commands, guilds, permissions): no API, no health server, no command
 * sync, logs at warn. Against the emulator when no token is set, so the answers are the emulator's.
 */
export async function startForInspection(appDir: string): Promise<RunningApp> {
  readAppPackage(appDir);
  const app = await loadAppForCommand(appDir);
  return startBaselineApp({
    appDir,
    app,
    env: { ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
    api: false,
    healthServer: false,
    handleSignals: false,
    commandSync: false,
  });
}
