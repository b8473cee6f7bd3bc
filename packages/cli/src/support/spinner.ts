import ora from 'ora';

/**
 * Runs a long step with a progress indicator on stderr: a spinner on a terminal, one line per step otherwise
 * (ora prints nothing animated when stderr is not a TTY, so logs stay readable in CI).
 *
 * @param text - what the step does, e.g. `Installing @acme/polls`.
 * @param step - the work.
 * @example
 * ```ts
 * const plugins = await withSpinner('Reading plugins', () => discover(appDir));
 * ```
 */
export async function withSpinner<T>(text: string, step: () => Promise<T>): Promise<T> {
  const spinner = ora({ text, stream: process.stderr, isEnabled: process.stderr.isTTY === true }).start();
  try {
    const result = await step();
    spinner.succeed();
    return result;
  } catch (error) {
    spinner.fail();
    throw error;
  }
}
