import { DiscordEmulatorError, EMULATOR_ERROR_CODES } from '../discord-emulator-error.js';

/**
 * An OAuth2 error response (`{ error, error_description }`, RFC 6749 section 5.2) thrown by the token, revoke and
 * authorize routes; the HTTP handler answers with it, so it never reaches a caller of the emulator. Its baseline code
 * is always `BL_ERR_EMULATOR_OAUTH`, with the status and the OAuth error in `details`.
 */
export class OAuthError extends DiscordEmulatorError {
  constructor(
    readonly status: number,
    /** The OAuth2 error code (`invalid_grant`, `invalid_client`, …). */
    readonly error: string,
    description: string,
  ) {
    super(EMULATOR_ERROR_CODES.oauth, description, { details: { status, error } });
    this.name = 'OAuthError';
  }
}
