import { API_ERROR_CODES, ApiError } from '../errors/api-error.js';

/** The Discord user fields the API keeps. */
export interface DiscordUser {
  id: string;
  username: string;
  global_name?: string | null;
  avatar?: string | null;
}

/** One entry of `users/@me/guilds`. */
export interface DiscordPartialGuild {
  id: string;
  name: string;
  icon?: string | null;
  owner?: boolean;
  permissions?: string;
}

/** A guild member as Discord's REST returns it. */
export interface DiscordMember {
  user?: DiscordUser;
  nick?: string | null;
  avatar?: string | null;
  roles: string[];
  joined_at?: string;
}

/** The channel fields the API keeps (`type`: 0 text, 2 voice, 4 category, 5 announcement, 15 forum, …). */
export interface DiscordChannel {
  id: string;
  name?: string | null;
  type: number;
  position?: number;
}

/** The role fields the API keeps. */
export interface DiscordRole {
  id: string;
  name: string;
  position: number;
  managed?: boolean;
}

/** The application command fields the API keeps. */
export interface DiscordApplicationCommand {
  id: string;
  name: string;
  type?: number;
  guild_id?: string;
}

/** One command permission overwrite: `type` 1 ROLE, 2 USER, 3 CHANNEL. */
export interface DiscordCommandPermission {
  id: string;
  type: 1 | 2 | 3;
  permission: boolean;
}

/** How Discord answered an edit of a command's permissions. */
export type CommandPermissionsEdit = { ok: true } | { ok: false; status: number; code: number | undefined };

/** What the token endpoint answers. */
export interface DiscordTokenGrant {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
  token_type: string;
}

/** Options of {@link createDiscordRest}. */
export interface DiscordRestOptions {
  /** REST base URL ending in `/api`; the emulator's in tests and offline. */
  baseUrl: string;
  botToken: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /**
   * Abort a call after this many milliseconds.
   * @default 10_000
   */
  timeoutMs?: number;
}

/** The few Discord calls the API makes: OAuth2 with the user's tokens; members, channels and roles with the bot token. */
export interface DiscordRest {
  /** `{baseUrl}/oauth2/authorize`. */
  readonly authorizeUrl: string;
  exchangeCode(code: string, redirectUri: string): Promise<DiscordTokenGrant>;
  refresh(refreshToken: string): Promise<DiscordTokenGrant>;
  revoke(token: string): Promise<void>;
  currentUser(accessToken: string): Promise<DiscordUser>;
  currentUserGuilds(accessToken: string): Promise<DiscordPartialGuild[]>;
  /** A member of a guild by the bot token; `undefined` when the user is not a member. */
  member(guildId: string, userId: string): Promise<DiscordMember | undefined>;
  listMembers(guildId: string, limit: number, after: string | undefined): Promise<DiscordMember[]>;
  searchMembers(guildId: string, query: string, limit: number): Promise<DiscordMember[]>;
  /** The guild's channels (no threads), by the bot token. */
  channels(guildId: string): Promise<DiscordChannel[]>;
  /** The guild's roles, by the bot token. */
  roles(guildId: string): Promise<DiscordRole[]>;
  /** The application's commands by the bot token: a guild's (`guildId`) or the global ones (`null`). */
  applicationCommands(applicationId: string, guildId: string | null): Promise<DiscordApplicationCommand[]>;
  /** A command's permission overwrites in a guild, by the bot token; `[]` when none are set (Discord's 10066). */
  commandPermissions(applicationId: string, guildId: string, commandId: string): Promise<DiscordCommandPermission[]>;
  /**
   * Replaces a command's overwrites in a guild with a user's bearer token (Discord refuses bot tokens here).
   * Refusals come back as a result, not thrown, so callers can tell "sign in again" from "Discord is down".
   */
  editCommandPermissions(
    applicationId: string,
    guildId: string,
    commandId: string,
    accessToken: string,
    permissions: DiscordCommandPermission[],
  ): Promise<CommandPermissionsEdit>;
  /** Whether a bot token is configured (member look-ups need it). */
  readonly hasBotToken: boolean;
}

/**
 * Creates the Discord REST client. Failures of Discord itself become `502 BL_ERR_API_DISCORD_UNAVAILABLE`;
 * OAuth grants Discord refuses become `400 BL_ERR_API_OAUTH_FAILED`. Tokens never appear in error messages.
 */
export function createDiscordRest(options: DiscordRestOptions): DiscordRest {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new ApiError(API_ERROR_CODES.discordUnavailable, 'Discord could not be reached', { status: 502, cause: error });
    }
  }

  async function json<T>(response: Response, what: string): Promise<T> {
    if (!response.ok) {
      throw new ApiError(API_ERROR_CODES.discordUnavailable, `Discord refused ${what} (HTTP ${response.status})`, { status: 502 });
    }
    return (await response.json()) as T;
  }

  async function tokenRequest(form: Record<string, string>, what: string): Promise<DiscordTokenGrant> {
    if (!options.clientId || !options.clientSecret) {
      throw new ApiError(API_ERROR_CODES.notConfigured, 'Discord login is not configured (DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET)', { status: 503 });
    }
    const response = await call('/v10/oauth2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, client_id: options.clientId, client_secret: options.clientSecret }),
    });
    if (response.status === 400 || response.status === 401) {
      throw new ApiError(API_ERROR_CODES.oauthFailed, `Discord rejected the ${what}`, { status: 400 });
    }
    return json<DiscordTokenGrant>(response, what);
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  function bot(): Record<string, string> {
    if (!options.botToken) throw new ApiError(API_ERROR_CODES.notConfigured, 'no bot token is configured (DISCORD_BOT_TOKEN)', { status: 503 });
    return { authorization: `Bot ${options.botToken}` };
  }

  return {
    authorizeUrl: `${base}/oauth2/authorize`,
    hasBotToken: Boolean(options.botToken),
    exchangeCode: (code, redirectUri) => tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, 'authorization code'),
    refresh: (refreshToken) => tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, 'refresh token'),
    async revoke(token) {
      if (!options.clientId || !options.clientSecret) return;
      await call('/v10/oauth2/token/revoke', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: options.clientId, client_secret: options.clientSecret }),
      });
    },
    currentUser: async (accessToken) => json<DiscordUser>(await call('/v10/users/@me', { headers: bearer(accessToken) }), 'the user'),
    currentUserGuilds: async (accessToken) =>
      json<DiscordPartialGuild[]>(await call('/v10/users/@me/guilds', { headers: bearer(accessToken) }), "the user's guilds"),
    async member(guildId, userId) {
      const response = await call(`/v10/guilds/${guildId}/members/${userId}`, { headers: bot() });
      if (response.status === 404) return undefined;
      return json<DiscordMember>(response, 'the member');
    },
    async listMembers(guildId, limit, after) {
      const query = new URLSearchParams({ limit: String(limit), ...(after === undefined ? {} : { after }) });
      return json<DiscordMember[]>(await call(`/v10/guilds/${guildId}/members?${query}`, { headers: bot() }), 'the member list');
    },
    async searchMembers(guildId, query, limit) {
      const search = new URLSearchParams({ query, limit: String(limit) });
      return json<DiscordMember[]>(await call(`/v10/guilds/${guildId}/members/search?${search}`, { headers: bot() }), 'the member search');
    },
    channels: async (guildId) => json<DiscordChannel[]>(await call(`/v10/guilds/${guildId}/channels`, { headers: bot() }), "the guild's channels"),
    roles: async (guildId) => json<DiscordRole[]>(await call(`/v10/guilds/${guildId}/roles`, { headers: bot() }), "the guild's roles"),
    async applicationCommands(applicationId, guildId) {
      const path = guildId === null ? `/v10/applications/${applicationId}/commands` : `/v10/applications/${applicationId}/guilds/${guildId}/commands`;
      return json<DiscordApplicationCommand[]>(await call(path, { headers: bot() }), 'the application commands');
    },
    async commandPermissions(applicationId, guildId, commandId) {
      const response = await call(`/v10/applications/${applicationId}/guilds/${guildId}/commands/${commandId}/permissions`, { headers: bot() });
      if (response.status === 404) {
        // 10066: no overwrites were ever set for this command. Any other 404 (unknown command) is a real failure.
        const body = (await response.json().catch(() => ({}))) as { code?: number };
        if (body.code === 10066) return [];
      }
      return (await json<{ permissions: DiscordCommandPermission[] }>(response, "the command's permissions")).permissions;
    },
    async editCommandPermissions(applicationId, guildId, commandId, accessToken, permissions) {
      const response = await call(`/v10/applications/${applicationId}/guilds/${guildId}/commands/${commandId}/permissions`, {
        method: 'PUT',
        headers: { ...bearer(accessToken), 'content-type': 'application/json' },
        body: JSON.stringify({ permissions }),
      });
      if (response.ok) return { ok: true };
      const body = (await response.json().catch(() => ({}))) as { code?: unknown };
      return { ok: false, status: response.status, code: typeof body.code === 'number' ? body.code : undefined };
    },
  };
}
