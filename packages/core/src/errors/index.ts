// `@baseline/core/errors`: the error base every baseline package extends, without the rest of core (database,
// logger, Redis), so a light package such as `@baseline/testing` builds its errors on it at no start-up cost.
export { BaselineError, isBaselineError, type BaselineErrorOptions } from './baseline-error.js';
