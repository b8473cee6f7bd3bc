/**
 * Every code `@baseline/testing` throws, grouped by area. The strings are stable (tests match on them); throw sites
 * name them through this table, never as literals. The package README lists them.
 */
export const TESTING_ERROR_CODES = {
  /** The Discord emulator: its driver, seed reader, control API and `baseline-emulator` command line. */
  emulator: {
    /** A seed or driver reference to a user that does not exist. */
    unknownUser: 'BL_ERR_EMULATOR_UNKNOWN_USER',
    /** A seed or driver reference to a guild that does not exist. */
    unknownGuild: 'BL_ERR_EMULATOR_UNKNOWN_GUILD',
    /** A seed or driver reference to a channel (or thread) that does not exist. */
    unknownChannel: 'BL_ERR_EMULATOR_UNKNOWN_CHANNEL',
    /** A seed or driver reference to a role that does not exist. */
    unknownRole: 'BL_ERR_EMULATOR_UNKNOWN_ROLE',
    /** A user who is not a member of the guild named. */
    unknownMember: 'BL_ERR_EMULATOR_UNKNOWN_MEMBER',
    /** A message that does not exist where it was named. */
    unknownMessage: 'BL_ERR_EMULATOR_UNKNOWN_MESSAGE',
    /** No command of that name and type is registered where it was invoked. */
    unknownCommand: 'BL_ERR_EMULATOR_UNKNOWN_COMMAND',
    /** The command's permissions (or `default_member_permissions`) keep it from this member: Discord would not offer it. */
    commandNotPermitted: 'BL_ERR_EMULATOR_COMMAND_NOT_PERMITTED',
    /** A user, guild or member that exists already. */
    duplicate: 'BL_ERR_EMULATOR_DUPLICATE',
    /** A thread started in a channel that cannot hold threads. */
    notAThreadParent: 'BL_ERR_EMULATOR_NOT_A_THREAD_PARENT',
    /** The bot did not answer an interaction, or its shards did not connect, within the wait. */
    timeout: 'BL_ERR_EMULATOR_TIMEOUT',
    /** A seed file that is missing, not JSON or not a seed. */
    seed: 'BL_ERR_EMULATOR_SEED',
    /** An unknown flag or bad value on the `baseline-emulator` command line. */
    cliArgument: 'BL_ERR_EMULATOR_CLI_ARGUMENT',
    /** A control API request the caller must fix (answered 400). */
    badControlRequest: 'BL_ERR_EMULATOR_BAD_CONTROL_REQUEST',
    /**
     * A Discord REST error a route answers with (`details`: the HTTP status and Discord's JSON code). It never
     * leaves the emulator: the bot sees Discord's response body.
     */
    discordApi: 'BL_ERR_EMULATOR_DISCORD_API',
    /**
     * An OAuth2 error the token, revoke or authorize routes answer with (`details`: the HTTP status and the OAuth
     * `error`). It never leaves the emulator: the caller sees the OAuth error body.
     */
    oauth: 'BL_ERR_EMULATOR_OAUTH',
    /** The fidelity table's markers are missing from the README it regenerates. */
    fidelityMarkers: 'BL_ERR_EMULATOR_FIDELITY_MARKERS',
  },
  /** The LLM provider emulators. */
  llm: {
    /** A scripted reply of a kind the route cannot answer (an image reply for a chat request): a bug in the test. */
    replyMismatch: 'BL_ERR_LLM_EMULATOR_REPLY_MISMATCH',
    /** A request body that is not JSON; the emulator answers the provider's 400, as the real API would. */
    unparsableBody: 'BL_ERR_LLM_EMULATOR_UNPARSABLE_BODY',
  },
  /** HTTP reading shared by every emulator. */
  http: {
    /** A request body larger than the reader's limit. */
    bodyTooLarge: 'BL_ERR_EMULATOR_BODY_TOO_LARGE',
  },
} as const;

type Values<T> = T[keyof T];

/** Any code in {@link TESTING_ERROR_CODES}. */
export type TestingErrorCode = Values<{ [Area in keyof typeof TESTING_ERROR_CODES]: Values<(typeof TESTING_ERROR_CODES)[Area]> }>;
