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
  #held: Set<() => void> | null = null;

  /** Runs `notify` now, or once the current request's response was written. Same function twice runs once. */
  defer(notify: () => void): void {
    if (this.#held) this.#held.add(notify);
    else notify();
  }

  /** Opens a scope; returns the previous one so scopes nest (a handler calling the driver). */
  open(): Set<() => void> | null {
    const previous = this.#held;
    this.#held = new Set();
    return previous;
  }

  /** Closes the current scope and returns what it held (null when nothing). */
  close(previous: Set<() => void> | null): (() => void)[] | null {
    const held = this.#held;
    this.#held = previous;
    return held && held.size > 0 ? [...held] : null;
  }
}
