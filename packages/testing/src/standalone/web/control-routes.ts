import type { IncomingMessage } from 'node:http';
import type { DiscordEmulator } from '../../discord/discord-emulator.js';
import { interactionControls } from './interaction-controls.js';
import { memberControls } from './member-controls.js';
import { messageControls } from './message-controls.js';

/** What a control route handler gets. */
export interface ControlContext {
  emulator: DiscordEmulator;
  request: IncomingMessage;
  url: URL;
  urls: Record<string, string>;
  responseTimeoutMs: number;
}

/**
 * One endpoint of the control API (the page server's `/api/*`): the same operations as the driver, so the
 * page, a script (`curl`) or another process can drive the emulator. `body` and `answer` document it; the
 * README lists every route of this table (a test checks it).
 */
export interface ControlRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  /** Query parameters or JSON body fields, as documented. */
  input: string;
  /** The JSON answer (200). */
  answer: string;
  handle(context: ControlContext): Promise<unknown> | unknown;
}

/** Every control endpoint. Driver errors answer 400 `{ error, code }`; unknown ids in GETs answer 404. */
export const controlRoutes: ControlRoute[] = [...interactionControls, ...messageControls, ...memberControls];
