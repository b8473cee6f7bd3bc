// @baseline/core/errors: the error base alone. It imports nothing from Node, so browser code (the dashboard kit)
// extends the same BaselineError as the server packages without bundling the rest of core.
export { BaselineError, isBaselineError, type BaselineErrorOptions } from './baseline-error.js';
