import { createRequire } from 'node:module';
import pino from 'pino';
import pretty from 'pino-pretty';
import { prettyByDefault } from './pretty-by-default.js';

/** Rotating file output. Files are named `<name>.<date>.<n>.<ext>` next to `path`. */
export interface LogFileOptions {
  /** The log file, e.g. `./logs/bot.log`. Its folder is created when missing. */
  path: string;
  /**
   * Rotate once a file reaches this size: a number of megabytes or a string with `k`, `m` or `g`.
   * @default '10m'
   */
  maxSize?: string | number;
  /**
   * Also rotate on a schedule.
   * @default 'daily'
   */
  frequency?: 'daily' | 'hourly' | 'none';
  /**
   * Rotated files kept besides the active one; older ones are deleted.
   * @default 7
   */
  keep?: number;
}

/** Where log lines go, and how to close what was opened for them. */
export interface LogDestination {
  readonly stream: pino.DestinationStream;
  /** Flushes and closes the streams this module opened; a user-supplied `destination` is left open. */
  close(): Promise<void>;
}

const requireFromHere = createRequire(import.meta.url);

/**
 * Builds the destination: `destination` when given, otherwise stdout (synchronous `pino.destination`), through
 * pino-pretty in-process when `pretty` (unset: {@link prettyByDefault} for stdout), plus a pino-roll worker-thread transport (always JSON) when `file` is set.
 */
export function createLogDestination(options: {
  destination?: pino.DestinationStream | undefined;
  pretty?: boolean | undefined;
  file?: LogFileOptions | undefined;
}): LogDestination {
  const closers: (() => Promise<void>)[] = [];
  let primary: pino.DestinationStream;
  if (options.pretty ?? (options.destination === undefined && prettyByDefault())) {
    // In-process and synchronous: development output should appear in order with other console output.
    primary = pretty({
      colorize: options.destination === undefined && process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      destination: options.destination ?? 1,
      sync: true,
    });
  } else if (options.destination !== undefined) {
    primary = options.destination;
  } else {
    const stdout = pino.destination({ dest: 1, sync: true });
    primary = stdout;
    closers.push(async () => stdout.flushSync());
  }
  if (options.file === undefined) return { stream: primary, close: () => closeAll(closers) };

  const file = createFileTransport(options.file);
  closers.push(() => endStream(file));
  const stream = pino.multistream([
    { stream: primary, level: 'trace' },
    { stream: file, level: 'trace' },
  ]);
  return { stream, close: () => closeAll(closers) };
}

function createFileTransport(file: LogFileOptions): pino.DestinationStream & NodeJS.EventEmitter & { end(): void } {
  const frequency = file.frequency ?? 'daily';
  const options = {
    file: file.path,
    size: file.maxSize ?? '10m',
    mkdir: true,
    limit: { count: file.keep ?? 7, removeOtherLogFiles: true },
    ...(frequency === 'none' ? {} : { frequency, dateFormat: frequency === 'daily' ? 'yyyy-MM-dd' : 'yyyy-MM-dd-HH' }),
  };
  // An absolute target: pino resolves bare names from the caller's location, which differs once bundled.
  return pino.transport({ target: requireFromHere.resolve('pino-roll'), options });
}

function endStream(stream: NodeJS.EventEmitter & { end(): void }): Promise<void> {
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    stream.end();
  });
}

async function closeAll(closers: readonly (() => Promise<void>)[]): Promise<void> {
  await Promise.all(closers.map((close) => close()));
}
