/** What replaces a secret in logs. */
export const REDACTED = '[REDACTED]';

/**
 * Object keys whose values are always redacted, whatever they look like. `token` only at the end so that
 * usage counters such as `input_tokens` or `max_tokens` stay visible.
 */
export const SENSITIVE_KEY =
  /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)$|token$|secret|passw(?:or)?d|api[-_]?key|private[-_]?key|credential/i;

/** Configured secrets shorter than this are ignored: they would erase ordinary words and protect little. */
export const MIN_SECRET_LENGTH = 6;

const NOT_AFTER_TOKEN_CHAR = '(?<![A-Za-z0-9_-])';

/**
 * Token-shaped substrings, one named group per kind. Each alternative is anchored so it cannot start inside a
 * longer word.
 */
const TOKEN_PATTERNS = [
  // Discord bot token: base64url(snowflake).timestamp.hmac; the first segment is checked by the replacer.
  `${NOT_AFTER_TOKEN_CHAR}(?<discord>[A-Za-z0-9_-]{20,30})\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{5,}`,
  // OpenAI (sk-, sk-proj-) and Anthropic (sk-ant-) keys.
  `${NOT_AFTER_TOKEN_CHAR}sk-[A-Za-z0-9_-]{16,}`,
  // xAI keys.
  `${NOT_AFTER_TOKEN_CHAR}xai-[A-Za-z0-9_-]{16,}`,
  // Google API keys.
  `${NOT_AFTER_TOKEN_CHAR}AIza[A-Za-z0-9_-]{30,}`,
  // Bearer credentials anywhere; the scheme word is kept.
  `(?<bearer>\\b[Bb]earer\\s+)[A-Za-z0-9._~+/=-]{6,}`,
  // "Authorization: <scheme> <value>" written into a string (headers dumped as text, curl lines).
  `(?<authorization>\\b[Aa]uthorization["']?\\s*[:=]\\s*["']?(?:[A-Za-z]+\\s+)?)[^\\s"',;]+`,
  // user:password@ in URLs; the user is kept.
  `(?<url>\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*:)[^\\s@/]+(?=@)`,
];

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** Builds the single, global regular expression matching `secrets` verbatim and every token shape. */
export function compileSecretPattern(secrets: readonly string[]): RegExp {
  const literals = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .map((secret) => secret.replace(SPECIAL, '\\$&'));
  const alternatives = literals.length > 0 ? [`(?:${literals.join('|')})`, ...TOKEN_PATTERNS] : TOKEN_PATTERNS;
  return new RegExp(alternatives.join('|'), 'g');
}

/** True when a base64url segment decodes to a snowflake: the first part of a Discord bot token. */
export function isSnowflakeSegment(segment: string): boolean {
  return /^\d{15,21}$/.test(Buffer.from(segment, 'base64url').toString('latin1'));
}
