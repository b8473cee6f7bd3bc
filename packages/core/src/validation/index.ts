// Validation of untrusted input (HTTP requests, configuration): one definition of each rule, shared by every edge.
export { bigintId, isBigintId, MAX_BIGINT_ID, snowflake } from './snowflake.js';
export { DEFAULT_TEXT_MAX, findUnsafeText, hasUnsafeCharacters, safeText, UNSAFE_TEXT_MESSAGE } from './safe-text.js';
export { EARLIEST_DATE, isoDateInput, isSaneDate, LATEST_DATE } from './date-range.js';
