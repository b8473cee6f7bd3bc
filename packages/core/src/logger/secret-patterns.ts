/** What replaces a secret in logs. */
export const REDACTED = '[REDACTED]';

/**
 * Object keys whose values are always redacted, whatever they look like. `token` only at the end so that
 * usage counters such as `input_tokens` or `max_tokens` stay visible.
 */
export const SENSITIVE_KEY =
  /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|pass|pwd)$|token$|secret|passw(?:or)?d|api[-_]?key|private[-_]?key|credential/i;

/** Configured secrets shorter than this are ignored: they would erase ordinary words and protect little. */
export const MIN_SECRET_LENGTH = 6;

/**
 * One token shape. `hint` is a literal the text must contain for `pattern` to possibly match: a cheap
 * `includes` that skips the regular expression for almost every log line. The first capture group, when
 * present, is kept in front of `[REDACTED]`.
 */
export interface TokenShape {
  readonly name: string;
  readonly hint: string;
  readonly pattern: RegExp;
  /** Confirms a match before it is redacted. */
  readonly accept?: (match: string) => boolean;
}

const NOT_AFTER_TOKEN_CHAR = '(?<![A-Za-z0-9_-])';

export const TOKEN_SHAPES: readonly TokenShape[] = [
  {
    // base64url(snowflake).timestamp.hmac. A base64 digit string starts with M, N or O, a literal start that
    // keeps this pattern fast on long stack traces; the first segment must decode to a snowflake.
    name: 'discord bot token',
    hint: '.',
    pattern: /\b[MNO][A-Za-z0-9_-]{19,29}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{5,}/g,
    accept: (match) => isSnowflakeSegment(match.slice(0, match.indexOf('.'))),
  },
  // OpenAI (sk-, sk-proj-) and Anthropic (sk-ant-) keys.
  { name: 'sk- key', hint: 'sk-', pattern: new RegExp(`${NOT_AFTER_TOKEN_CHAR}sk-[A-Za-z0-9_-]{16,}`, 'g') },
  { name: 'xAI key', hint: 'xai-', pattern: new RegExp(`${NOT_AFTER_TOKEN_CHAR}xai-[A-Za-z0-9_-]{16,}`, 'g') },
  { name: 'Google key', hint: 'AIza', pattern: new RegExp(`${NOT_AFTER_TOKEN_CHAR}AIza[A-Za-z0-9_-]{30,}`, 'g') },
  // Bearer credentials anywhere; the scheme word is kept.
  { name: 'bearer', hint: 'earer', pattern: /(\b[Bb]earer\s+)[A-Za-z0-9._~+/=-]{6,}/g },
  // "Authorization: <scheme> <value>" inside text (headers dumped as text, curl lines).
  {
    name: 'authorization',
    hint: 'uthorization',
    pattern: /(\b[Aa]uthorization["']?\s*[:=]\s*["']?(?:[A-Za-z]+\s+)?)[^\s"',;]+/g,
  },
  // user:password@ in URLs; the user is kept.
  { name: 'url password', hint: '://', pattern: /(:\/\/[^\s:/@]*:)[^\s@/]+(?=@)/g },
];

/** True when a base64url segment decodes to a snowflake: the first part of a Discord bot token. */
export function isSnowflakeSegment(segment: string): boolean {
  return /^\d{15,21}$/.test(Buffer.from(segment, 'base64url').toString('latin1'));
}
