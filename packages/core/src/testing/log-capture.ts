import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** One JSON log line: `level` is pino's number from a plain pino logger, the label from `createLogger`. */
export interface LogLine {
  level: number | string;
  msg: string;
  [key: string]: unknown;
}

/** A log destination that keeps everything written to it. */
export interface LogCapture {
  /** Pass as `createLogger({ destination })` or `pino(options, destination)`. */
  readonly destination: Writable;
  /** Every JSON line written so far, parsed, in order; the array fills as lines arrive (empty it with `length = 0`). */
  readonly lines: LogLine[];
  /** Everything written, as raw text: pretty output, or a search for secrets. */
  text(): string;
}

/**
 * A log destination for tests: what a logger writes is kept as text and, line by line, as parsed JSON (lines that
 * are not JSON, such as pretty output, are kept in the text only).
 *
 * @example
 * ```ts
 * const logs = createLogCapture();
 * const logger = createLogger({ service: 'test', level: 'debug', destination: logs.destination });
 * logger.warn({ guild_id: '1' }, 'slow');
 * expect(logs.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'slow' }));
 * ```
 */
export function createLogCapture(): LogCapture {
  const chunks: string[] = [];
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString('utf8');
      chunks.push(text);
      for (const line of text.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          lines.push(JSON.parse(line) as LogLine);
        } catch {
          // A line that only looks like JSON stays in the text.
        }
      }
      callback();
    },
  });
  return { destination, lines, text: () => chunks.join('') };
}

/**
 * A plain pino logger (numeric levels, no redaction) writing to a {@link createLogCapture}: for units that take any
 * pino-compatible logger.
 * @param level - @default 'debug'
 */
export function createCaptureLogger(level: pino.LevelWithSilent = 'debug'): LogCapture & { logger: Logger } {
  const capture = createLogCapture();
  return { ...capture, logger: pino({ level }, capture.destination) };
}
