/**
 * Whether logs are human-readable when nobody chose (`LOG_PRETTY` unset, no `pretty` option): yes when standard
 * output is a terminal, a person watching, and the process is not running in production; JSON lines otherwise,
 * so a log collector reading a pipe or a file always gets JSON.
 *
 * @param nodeEnv - the process's `NODE_ENV` @default process.env.NODE_ENV
 * @example
 * ```ts
 * prettyByDefault('development'); // true in a terminal, false when piped
 * ```
 */
export function prettyByDefault(nodeEnv: string | undefined = process.env.NODE_ENV): boolean {
  return process.stdout.isTTY === true && nodeEnv !== 'production';
}
