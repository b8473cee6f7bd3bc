import type { DiscordEmulator } from '../../src/index.js';

/** A response of the emulator's REST API: the status and the parsed JSON body (`undefined` for 204). */
export interface RawResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Discord JSON of any route, read field by field in assertions
  body: any;
}

/**
 * Calls the emulator's REST API v10 as the bot, with no client library in between, so a test can send what
 * discord.js never would (bad types, unknown ids) and read Discord's error codes as they come back.
 */
export function rawRest(emulator: DiscordEmulator) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> => {
    const response = await fetch(`${emulator.restUrl}/v10${path}`, {
      method,
      headers: { authorization: `Bot ${emulator.botToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
}
