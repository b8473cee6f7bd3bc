/** Thrown through the startup steps when a signal stops the bot before it is up. */
export const STARTUP_INTERRUPTED = Symbol('startup interrupted');

/** Lets a stop that begins during startup end the current startup step at once. */
export interface StartupGate {
  /** Awaits a startup step, or rejects with {@link STARTUP_INTERRUPTED} as soon as `interrupt()` is called. */
  step<T>(step: Promise<T>): Promise<T>;
  /** Ends the pending and every later step with {@link STARTUP_INTERRUPTED}; the steps themselves run on. */
  interrupt(): void;
}

/** A gate for `createBot`'s startup steps (login, ready, command sync, health server, tasks, plugins' `ready`). */
export function createStartupGate(): StartupGate {
  let interrupt = () => {};
  const interrupted = new Promise<typeof STARTUP_INTERRUPTED>((resolve) => (interrupt = () => resolve(STARTUP_INTERRUPTED)));
  return {
    async step<T>(step: Promise<T>): Promise<T> {
      // A step left behind by an interrupt may still fail; nobody awaits it then.
      step.catch(() => {});
      const result = await Promise.race([step, interrupted]);
      if (result === STARTUP_INTERRUPTED) throw STARTUP_INTERRUPTED;
      return result as T;
    },
    interrupt: () => interrupt(),
  };
}
