/** Every code the Discord emulator's driver, control API, seed reader and command line throw. */
export const EMULATOR_ERROR_CODES = {
  /** A seed reference (user, guild, channel) that does not exist. */
  unknownUser: 'BL_ERR_EMULATOR_UNKNOWN_USER',
  unknownGuild: 'BL_ERR_EMULATOR_UNKNOWN_GUILD',
  unknownChannel: 'BL_ERR_EMULATOR_UNKNOWN_CHANNEL',
  unknownRole: 'BL_ERR_EMULATOR_UNKNOWN_ROLE',
  unknownMember: 'BL_ERR_EMULATOR_UNKNOWN_MEMBER',
  unknownMessage: 'BL_ERR_EMULATOR_UNKNOWN_MESSAGE',
  /** No command of that name and type is registered where it was invoked. */
  unknownCommand: 'BL_ERR_EMULATOR_UNKNOWN_COMMAND',
  /** The command's permissions (or `default_member_permissions`) keep it from this member: Discord would not offer it. */
  commandNotPermitted: 'BL_ERR_EMULATOR_COMMAND_NOT_PERMITTED',
  /** A user, guild or member that exists already. */
  duplicate: 'BL_ERR_EMULATOR_DUPLICATE',
  /** A thread started in a channel that cannot hold threads. */
  notAThreadParent: 'BL_ERR_EMULATOR_NOT_A_THREAD_PARENT',
  /** The bot did not answer an interaction within the wait. */
  timeout: 'BL_ERR_EMULATOR_TIMEOUT',
  /** A seed file that is missing, not JSON or not a seed. */
  seed: 'BL_ERR_EMULATOR_SEED',
  /** An unknown flag or bad value on the `baseline-emulator` command line. */
  cliArgument: 'BL_ERR_EMULATOR_CLI_ARGUMENT',
  /** A control API request the caller must fix (answered 400). */
  badControlRequest: 'BL_ERR_EMULATOR_BAD_CONTROL_REQUEST',
} as const;

/** Any code in {@link EMULATOR_ERROR_CODES}. */
export type EmulatorErrorCode = (typeof EMULATOR_ERROR_CODES)[keyof typeof EMULATOR_ERROR_CODES];

/**
 * An error the emulator throws on purpose. `code` is stable, so tests match on it rather than on message text.
 * Built as core's `BaselineError` is, `(code, message, { cause, details })`, but not a subclass of it: that would
 * make `@baseline/core` a runtime dependency of this package. pnpm then reports core ↔ testing as a workspace
 * cycle (core's tests use this package), so the build order that testing's type build needs (core's `dist`
 * first) rests on pnpm's tie-break for cycles; and core has a single entry point, whose import (MikroORM,
 * pino, embedded PostgreSQL) would more than double the emulator's start-up, the standalone CLI's included.
 */
export class DiscordEmulatorError extends Error {
  readonly code: EmulatorErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: EmulatorErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DiscordEmulatorError';
    this.code = code;
    this.details = options.details;
  }
}
