export type { UserDataDeletion, UserDataRequester, UserDataScope } from './user-data.js';
export { eraseUserData, type EraseUserDataOptions, type PluginErasure, type UserDataErasureReport } from './erase-user-data.js';
export { PRIVACY_ERROR_CODES, PrivacyError, type PrivacyErrorCode } from './privacy-error.js';
