/** Something the bot started and stops on shutdown. */
export interface Stoppable {
  readonly name: string;
  stop(): Promise<void> | void;
}

/** What the bot started besides the client (metrics, guild tracking, shard reports, health server, tasks). */
export class BackgroundTasks {
  readonly #started: Stoppable[] = [];

  /** Records a started task; tasks stop in the reverse order of their start. */
  add(name: string, stop: () => Promise<void> | void): void {
    this.#started.push({ name, stop });
  }

  /**
   * Stops every task, last started first. A failure is handed to `onError` and the next task still stops.
   * Each task stops once: a second call stops only what was added since.
   */
  async stopAll(onError: (error: unknown, task: string) => void): Promise<void> {
    for (const task of this.#started.splice(0).reverse()) {
      try {
        await task.stop();
      } catch (error) {
        onError(error, task.name);
      }
    }
  }
}
