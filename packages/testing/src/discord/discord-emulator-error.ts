/**
 * An error the emulator's driver throws on purpose (unknown seed reference, unknown command, …). `code` is
 * stable (`BL_ERR_EMULATOR_<PROBLEM>`), so tests match on it rather than on message text.
 */
export class DiscordEmulatorError extends Error {
  readonly code: string;

  constructor(code: `BL_ERR_EMULATOR_${string}`, message: string) {
    super(message);
    this.name = 'DiscordEmulatorError';
    this.code = code;
  }
}
