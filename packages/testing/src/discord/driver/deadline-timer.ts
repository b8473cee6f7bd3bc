/** Something that fails once its deadline (epoch milliseconds) passed. */
export interface Deadline {
  readonly at: number;
  expire(): void;
}

/**
 * Runs many deadlines on one Node timer, armed for the earliest. Driver waits have one deadline each and
 * nearly all of them end early: a `setTimeout`/`clearTimeout` pair per wait was a timer object, an async
 * resource and a list insertion per interaction, where here a wait costs a Set entry. The timer is held only
 * while deadlines are pending, so (as with a timer per wait) a pending wait keeps the process alive and none
 * outlives its waits.
 */
export class DeadlineTimer {
  readonly #pending = new Set<Deadline>();
  #timer: NodeJS.Timeout | null = null;
  #timerAt = Number.POSITIVE_INFINITY;
  readonly #onTimer = (): void => this.#fire();

  add(deadline: Deadline): void {
    this.#pending.add(deadline);
    if (deadline.at < this.#timerAt) this.#arm(deadline.at);
  }

  delete(deadline: Deadline): void {
    if (!this.#pending.delete(deadline) || this.#pending.size > 0 || this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  #arm(at: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(this.#onTimer, Math.max(1, at - Date.now()));
  }

  #fire(): void {
    this.#timer = null;
    this.#timerAt = Number.POSITIVE_INFINITY;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const deadline of this.#pending) {
      if (deadline.at <= now) {
        this.#pending.delete(deadline);
        deadline.expire();
      } else if (deadline.at < next) next = deadline.at;
    }
    if (next !== Number.POSITIVE_INFINITY) this.#arm(next);
  }
}
