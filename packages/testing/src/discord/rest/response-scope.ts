/**
 * Holds back the driver's notifications caused by a REST request until the emulator has written that
 * request's response. Without it, `await call.reply()` resolved when the bot's callback *arrived*, so a test
 * acting at once (clicking a button) could reach the bot before discord.js had returned from
 * `interaction.reply()`, and a collector attached after the reply missed the click.
 *
 * The HTTP handler opens a scope around the synchronous part of a route handler and runs the held
 * notifications from the response's write callback. Outside a scope (driver calls, async route parts)
 * notifications run at once.
 */
export class ResponseScope {
  /** Whether a scope is open; its notifications are allocated on the first {@link defer} (most requests hold none). */
  #open = false;
  #held: (() => void)[] | null = null;

  /** Runs `notify` now, or once the current request's response was written. Same function twice runs once. */
  defer(notify: () => void): void {
    if (!this.#open) return notify();
    if (this.#held === null) this.#held = [notify];
    else if (!this.#held.includes(notify)) this.#held.push(notify);
  }

  /** Opens a scope; returns the previous one so scopes nest (a handler calling the driver). */
  open(): OpenScope | null {
    const previous = this.#open ? { held: this.#held } : null;
    this.#open = true;
    this.#held = null;
    return previous;
  }

  /** Closes the current scope and returns what it held (null when nothing). */
  close(previous: OpenScope | null): (() => void)[] | null {
    const held = this.#held;
    this.#open = previous !== null;
    this.#held = previous?.held ?? null;
    return held;
  }
}

/** An enclosing scope, saved by {@link ResponseScope.open} while a nested one is open. */
export interface OpenScope {
  held: (() => void)[] | null;
}
