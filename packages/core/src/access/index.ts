export {
  bumpAccessVersions,
  GUILD_ACCESS_VERSION_PREFIX,
  guildAccessVersionKey,
  USER_ACCESS_VERSION_PREFIX,
  userAccessVersionKey,
  type AccessChange,
  type BumpAccessVersionsOptions,
} from './access-versions.js';
