/**
 * The logging the LLM service needs: the subset of pino's `Logger` it calls, so any pino logger (or a
 * child with cog context) can be passed.
 */
export interface LlmLogger {
  debug(object: Record<string, unknown>, message: string): void;
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
  error(object: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): LlmLogger;
}

/** Discards everything; used when no logger is given. */
export const silentLlmLogger: LlmLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLlmLogger,
};
