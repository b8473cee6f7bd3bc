import type { Duplex } from 'node:stream';

/**
 * Batches gateway writes: the first frame a socket gets in an event-loop turn corks it, and the check phase of
 * that turn (or an earlier {@link flush}) uncorks every corked socket, so a burst of dispatches leaves in one TCP
 * write per connection instead of one per frame. Order on each socket is unchanged.
 *
 * Across channels, a REST response must not overtake the gateway events its request caused (discord.js updates
 * caches from MESSAGE_UPDATE and friends, and tests read the cache once the REST call resolved): the HTTP side
 * compares {@link framesHeld} before and after handling a request and flushes when it grew.
 */
export class FrameCoalescer {
  readonly #corked = new Set<Duplex>();
  #scheduled = false;
  #frames = 0;
  readonly #onImmediate = (): void => {
    this.#scheduled = false;
    this.flush();
  };

  /** Frames held so far (monotonic): a change means some frame may still sit in a corked socket. */
  get framesHeld(): number {
    return this.#frames;
  }

  /** Call before writing a frame to `socket`. */
  hold(socket: Duplex): void {
    this.#frames++;
    if (this.#corked.has(socket)) return;
    socket.cork();
    this.#corked.add(socket);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#onImmediate);
    }
  }

  /** Sends every held frame now. */
  flush(): void {
    if (this.#corked.size === 0) return;
    for (const socket of this.#corked) socket.uncork();
    this.#corked.clear();
  }
}
