import type { BaselineConfig } from './baseline-config.js';

/** Secret values of config extensions, attached by `loadConfig` to the config it returns. */
const extensionSecrets = new WeakMap<BaselineConfig, readonly string[]>();

/** @internal Called by `loadConfig`. */
export function attachExtensionSecrets(config: BaselineConfig, secrets: readonly string[]): void {
  extensionSecrets.set(config, Object.freeze([...secrets]));
}

/**
 * Every secret value in a config: the bot token, the OAuth client secret, the API secret key, LLM API keys,
 * passwords inside `DATABASE_URL`/`REDIS_URL` (raw and percent-decoded) and extensions' secrets. Hand them
 * to the logger so they are redacted wherever they appear.
 *
 * @example
 * ```ts
 * const logger = createLogger({ service: 'bot', secrets: secretsOf(config) });
 * ```
 */
export function secretsOf(config: BaselineConfig): string[] {
  const values = [
    config.discord.botToken,
    config.discord.clientSecret,
    config.api.secretKey,
    ...Object.values(config.llm.apiKeys),
    ...urlPasswords(config.database.url),
    ...urlPasswords(config.redis.url),
    ...(extensionSecrets.get(config) ?? []),
  ];
  return [...new Set(values.filter((value): value is string => value !== undefined && value !== ''))];
}

function urlPasswords(url: string | undefined): string[] {
  if (url === undefined) return [];
  let password: string;
  try {
    password = new URL(url).password;
  } catch {
    return [];
  }
  if (password === '') return [];
  try {
    return [password, decodeURIComponent(password)];
  } catch {
    return [password];
  }
}
