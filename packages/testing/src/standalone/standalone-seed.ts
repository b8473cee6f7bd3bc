import { readFileSync } from 'node:fs';
import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord/discord-emulator-error.js';
import type { ApplicationOptions } from '../discord/options.js';
import type { DiscordEmulatorSeed } from '../discord/state/seed.js';

/**
 * The JSON file `baseline-emulator --seed` reads: the emulator's seed (`users`, `guilds`) plus the
 * application, so a bot's `.env` (token, application id) stays valid across restarts.
 *
 * @example
 * ```json
 * { "application": { "id": "1456074443980931072", "botToken": "MTQ1NjA3NDQ0Mzk4MDkzMTA3Mg.emu.dev" },
 *   "users": [{ "username": "owner" }, { "username": "alice" }],
 *   "guilds": [{ "name": "Demo", "owner": "owner", "members": [{ "user": "alice" }] }] }
 * ```
 */
export interface StandaloneSeed extends DiscordEmulatorSeed {
  /** Fixed application id, name, bot token, client secret, redirect URIs; omitted fields are generated. */
  application?: Pick<ApplicationOptions, 'id' | 'name' | 'botUsername' | 'botToken' | 'clientSecret' | 'redirectUris'>;
}

/**
 * Reads and checks a seed file's top-level shape (entries are checked by the emulator when it applies them).
 *
 * @param path - path of a JSON file in the {@link StandaloneSeed} format.
 * @throws DiscordEmulatorError `BL_ERR_EMULATOR_SEED` when the file is missing, not JSON or not a seed.
 */
export function readStandaloneSeed(path: string): StandaloneSeed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.seed, `cannot read seed file ${path}: ${(error as Error).message}`);
  }
  let seed: unknown;
  try {
    seed = JSON.parse(text);
  } catch (error) {
    throw new DiscordEmulatorError(EMULATOR_ERROR_CODES.seed, `seed file ${path} is not JSON: ${(error as Error).message}`);
  }
  return checkSeed(seed, path);
}

/** Checks that `seed` has the top-level shape of a {@link StandaloneSeed}. */
export function checkSeed(seed: unknown, source: string): StandaloneSeed {
  const fail = (problem: string) => new DiscordEmulatorError(EMULATOR_ERROR_CODES.seed, `seed ${source}: ${problem}`);
  if (!seed || typeof seed !== 'object' || Array.isArray(seed)) throw fail('must be a JSON object');
  const record = seed as Record<string, unknown>;
  for (const key of ['users', 'guilds'] as const) {
    if (record[key] !== undefined && !Array.isArray(record[key])) throw fail(`"${key}" must be an array`);
  }
  const application = record['application'];
  if (application !== undefined && (!application || typeof application !== 'object' || Array.isArray(application))) {
    throw fail('"application" must be an object');
  }
  return record as StandaloneSeed;
}
