/** The host the demo's API binds, and why: printed at start so a public bind is never silent. */
export interface ApiHostChoice {
  host: string;
  reason: string;
}

/**
 * Chooses the API's host. `API_HOST` wins when set. Otherwise, offline (no bot token: the emulator runs on this
 * machine) nothing needs to reach the API from elsewhere, so it binds 127.0.0.1; with a bot token it binds
 * 0.0.0.0, the configuration's default for deployments, where the dashboard proxies to the API from another
 * container.
 *
 * @param env - the environment the configuration is loaded from
 * @param offline - whether the demo runs against the Discord emulator
 */
export function chooseApiHost(env: Record<string, string | undefined>, offline: boolean): ApiHostChoice {
  const set = env['API_HOST'];
  if (set !== undefined && set !== '') return { host: set, reason: 'API_HOST is set' };
  if (offline) return { host: '127.0.0.1', reason: 'no DISCORD_BOT_TOKEN: the Discord emulator runs on this machine, so the API stays local' };
  return {
    host: '0.0.0.0',
    reason: 'DISCORD_BOT_TOKEN is set and API_HOST is not: the API binds every interface (the deployment default); set API_HOST=127.0.0.1 to keep it local',
  };
}
