import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord-emulator-error.js';

/**
 * A Discord JSON error response (`{ message, code, errors? }`) thrown by route handlers; the HTTP handler answers
 * with it, so it never reaches a caller of the emulator. Its arguments are the response's own fields, read against
 * Discord's documentation at each call site; its baseline code is always `BL_ERR_EMULATOR_DISCORD_API`, with the
 * status and Discord's code in `details`.
 */
export class ApiError extends DiscordEmulatorError {
  constructor(
    readonly status: number,
    /** Discord's JSON error code (10003 Unknown Channel, 50035 Invalid Form Body, …). */
    readonly discordCode: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(EMULATOR_ERROR_CODES.discordApi, message, { details: { status, discordCode } });
    this.name = 'ApiError';
  }

  /** The body Discord sends. */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { message: this.message, code: this.discordCode };
    if (this.errors !== undefined) body['errors'] = this.errors;
    return body;
  }
}

/** Common Discord errors. */
export const Errors = {
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new ApiError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new ApiError(404, 10007, 'Unknown Member'),
  unknownBan: () => new ApiError(404, 10026, 'Unknown Ban'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownRole: () => new ApiError(404, 10011, 'Unknown Role'),
  unknownUser: () => new ApiError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => new ApiError(404, 10063, 'Unknown application command'),
  cannotMessageUser: () => new ApiError(403, 50007, 'Cannot send messages to this user'),
  threadArchived: () => new ApiError(400, 50083, 'Thread is archived'),
  threadAlreadyCreated: () => new ApiError(400, 160004, 'A thread has already been created for this message'),
  maxCommands: (limit: number) => new ApiError(400, 30032, `Maximum number of application commands reached (${limit})`),
  maxDailyCommandCreates: (limit: number) => new ApiError(400, 30034, `Max number of daily application command creates has been reached (${limit})`),
  alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  /** Discord answers a message with no content, embed, file or component with 50006, not a form error. */
  emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
  invalidWebhookToken: () => new ApiError(401, 50027, 'Invalid Webhook Token'),
  notFound: () => new ApiError(404, 0, '404: Not Found'),
  methodNotAllowed: () => new ApiError(405, 0, '405: Method Not Allowed'),
  /** 400 / 50035 with a Discord form-error tree for one missing or invalid field. */
  invalidForm: (field: string, code = 'BASE_TYPE_REQUIRED', message = 'This field is required') =>
    new ApiError(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } }),
};
