import packageJson from '../package.json' with { type: 'json' };

/** This scaffolder's version. Baseline's packages are released together, so it is theirs too. */
export const SCAFFOLDER_VERSION: string = packageJson.version;

/** The range a generated project depends on baseline by: a caret of the scaffolder's own version. */
export const BASELINE_RANGE = `^${SCAFFOLDER_VERSION}`;

/**
 * Every dependency an installer adds, with its version: the one place to bump them. Baseline's packages
 * get {@link BASELINE_RANGE}; the templates' own package.json files hold what every project gets.
 */
export const DEPENDENCY_VERSIONS = {
  '@baseline/llm': BASELINE_RANGE,
} as const;
