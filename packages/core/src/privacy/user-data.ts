/**
 * Who asked for a user's data to be erased: the user themself (`/privacy delete-my-data`), the bot's developer
 * team (the API) or an operator on the machine (the CLI).
 */
export type UserDataRequester = 'user' | 'developer-team' | 'operator';

/** What a plugin's `deleteUserData` hook is told about the request. */
export interface UserDataScope {
  readonly requester: UserDataRequester;
  /** Traces the whole erasure across every plugin's logs. */
  readonly correlationId: string;
}

/**
 * What a plugin's `deleteUserData` hook reports: how many records of each kind it erased or anonymised (`{ waves: 3 }`),
 * and optionally what it kept and why.
 */
export interface UserDataDeletion {
  readonly erased: Readonly<Record<string, number>>;
  readonly note?: string;
}
