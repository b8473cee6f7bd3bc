import { randomBytes } from 'node:crypto';
import { registerAuditSecret } from '../../audit/audit-secrets.js';
import type { EmulatorContext } from '../emulator-context.js';
import { OAuthError } from './oauth-error.js';

/** An OAuth2 grant: one access/refresh token pair of a user for a set of scopes. */
export interface OAuthGrant {
  userId: string;
  scopes: string[];
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds. */
  expiresAt: number;
  revoked: boolean;
  /** Guild chosen in a bot install with a code grant. */
  guildId: string | null;
}

interface AuthorizationCode {
  userId: string;
  scopes: string[];
  redirectUri: string | null;
  expiresAt: number;
  guildId: string | null;
}

/** Authorization codes (single use, expiring) and token grants (rotating refresh, revocation per grant). */
export class OAuthStore {
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #byAccess = new Map<string, OAuthGrant>();
  readonly #byRefresh = new Map<string, OAuthGrant>();

  constructor(private readonly ctx: EmulatorContext) {}

  createCode(userId: string, scopes: string[], redirectUri: string | null, guildId: string | null = null): string {
    const code = `emu_code_${randomBytes(12).toString('hex')}`;
    registerAuditSecret('discord oauth code', code);
    this.#codes.set(code, { userId, scopes, redirectUri, guildId, expiresAt: Date.now() + this.ctx.options.oauth.codeLifetimeMs });
    return code;
  }

  exchangeCode(code: string, redirectUri: string | null): OAuthGrant {
    const entry = this.#codes.get(code);
    this.#codes.delete(code);
    if (!entry || entry.expiresAt < Date.now()) throw new OAuthError(400, 'invalid_grant', 'Invalid "code" in request.');
    if (entry.redirectUri !== null && entry.redirectUri !== redirectUri) {
      throw new OAuthError(400, 'invalid_grant', 'Invalid "redirect_uri" in request.');
    }
    return this.#issue(entry.userId, entry.scopes, true, entry.guildId);
  }

  refresh(refreshToken: string): OAuthGrant {
    const grant = this.#byRefresh.get(refreshToken);
    if (!grant || grant.revoked) throw new OAuthError(400, 'invalid_grant', 'Invalid "refresh_token" in request');
    this.#revokeGrant(grant);
    return this.#issue(grant.userId, grant.scopes, true, null);
  }

  clientCredentials(scopes: string[]): OAuthGrant {
    const owner = this.ctx.application.ownerId;
    if (!owner) throw new OAuthError(400, 'invalid_grant', 'The application has no owner');
    return this.#issue(owner, scopes, false, null);
  }

  /** Revokes the whole grant of an access or refresh token; unknown tokens are ignored (RFC 7009). */
  revoke(token: string): void {
    const grant = this.#byAccess.get(token) ?? this.#byRefresh.get(token);
    if (grant) this.#revokeGrant(grant);
  }

  /** The live grant of an access token, if any. */
  grantForAccessToken(token: string): OAuthGrant | undefined {
    const grant = this.#byAccess.get(token);
    if (!grant || grant.revoked || grant.expiresAt < Date.now()) return undefined;
    return grant;
  }

  #issue(userId: string, scopes: string[], withRefresh: boolean, guildId: string | null): OAuthGrant {
    const grant: OAuthGrant = {
      userId,
      scopes,
      accessToken: `emu_at_${randomBytes(16).toString('hex')}`,
      refreshToken: withRefresh ? `emu_rt_${randomBytes(16).toString('hex')}` : null,
      expiresAt: Date.now() + this.ctx.options.oauth.accessTokenLifetimeSeconds * 1000,
      revoked: false,
      guildId,
    };
    this.#byAccess.set(grant.accessToken, grant);
    registerAuditSecret('discord oauth access token', grant.accessToken);
    registerAuditSecret('discord oauth refresh token', grant.refreshToken);
    if (grant.refreshToken) this.#byRefresh.set(grant.refreshToken, grant);
    return grant;
  }

  #revokeGrant(grant: OAuthGrant): void {
    grant.revoked = true;
    this.#byAccess.delete(grant.accessToken);
    if (grant.refreshToken) this.#byRefresh.delete(grant.refreshToken);
  }
}
