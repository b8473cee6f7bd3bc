import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { DiscordEmulator } from '../../discord/discord-emulator.js';

/** What a control route handler gets; `body` is what its {@link ControlRoute.body} schema parsed, if it has one. */
export interface ControlContext<TBody = unknown> {
  emulator: DiscordEmulator;
  request: IncomingMessage;
  url: URL;
  urls: Record<string, string>;
  responseTimeoutMs: number;
  body: TBody;
}

/**
 * One endpoint of the control API (the page server's `/api/*`): the same operations as the driver, so the
 * page, a script (`curl`) or another process can drive the emulator. `input` and `answer` document it; the
 * README lists every route of this table (a test checks it).
 */
export interface ControlRoute<TBody = unknown> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  /** Query parameters or JSON body fields, as documented. */
  input: string;
  /** The JSON answer (200). */
  answer: string;
  /** The JSON body's schema; the page server parses the body with it and answers 400 naming the first bad field. */
  body?: z.ZodType<TBody>;
  handle(context: ControlContext<TBody>): Promise<unknown> | unknown;
}

/** A control route whose `handle` is typed by its `body` schema, for a table of routes. */
export function defineControl<TBody>(route: ControlRoute<TBody>): ControlRoute {
  // Sound at run time: the page server hands `handle` exactly what `route.body` parsed; TypeScript cannot follow
  // that pairing through the table's element type, hence the one cast.
  return route as unknown as ControlRoute;
}
