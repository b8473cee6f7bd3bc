import type { Logger } from 'pino';
import type { MessageHandler } from './key-value-store.js';

/**
 * The handlers subscribed per channel, shared by both stores. It tells the store when a channel gains its
 * first handler or loses its last, so the store (un)subscribes on the wire once per channel.
 */
export class ChannelHandlers {
  readonly #handlers = new Map<string, Set<MessageHandler>>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Adds a handler; returns `true` when it is the channel's first. */
  add(channel: string, handler: MessageHandler): boolean {
    let set = this.#handlers.get(channel);
    const first = set === undefined;
    if (set === undefined) {
      set = new Set();
      this.#handlers.set(channel, set);
    }
    set.add(handler);
    return first;
  }

  /** Removes a handler; returns `true` when the channel has none left. */
  remove(channel: string, handler: MessageHandler): boolean {
    const set = this.#handlers.get(channel);
    if (set === undefined || !set.delete(handler)) return false;
    if (set.size > 0) return false;
    this.#handlers.delete(channel);
    return true;
  }

  /** Channels that currently have handlers. */
  channels(): string[] {
    return [...this.#handlers.keys()];
  }

  /** Calls every handler of `channel`; a failing handler is logged and does not stop the others. */
  deliver(channel: string, message: string): void {
    const set = this.#handlers.get(channel);
    if (set === undefined) return;
    for (const handler of [...set]) {
      try {
        const result = handler(message, channel);
        if (result instanceof Promise) result.catch((error: unknown) => this.#report(channel, error));
      } catch (error) {
        this.#report(channel, error);
      }
    }
  }

  clear(): void {
    this.#handlers.clear();
  }

  #report(channel: string, error: unknown): void {
    this.#logger.error({ err: error, channel }, 'pub/sub message handler failed');
  }
}
