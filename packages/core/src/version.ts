import packageJson from '../package.json' with { type: 'json' };

/** The running `@baseline/core` version; plugins' `baselineVersion` ranges are checked against it. */
export const BASELINE_VERSION: string = packageJson.version;
