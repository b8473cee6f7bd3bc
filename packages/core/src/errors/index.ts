// `@baseline/core/errors`: the error base alone. It imports nothing from Node and nothing else of core (database,
// logger, Redis), so browser code (the dashboard kit) and light packages (`@baseline/testing`) extend the same
// BaselineError as the server packages at no start-up or bundle cost.
export { BaselineError, isBaselineError, type BaselineErrorOptions } from './baseline-error.js';
