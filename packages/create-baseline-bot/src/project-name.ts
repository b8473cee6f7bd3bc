import { CREATE_ERROR_CODES, CreateError } from './create-error.js';

// npm's rules for a package name, which the project's folder name becomes: lowercase, URL-safe, optional scope.
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/**
 * Checks that a project name can be an npm package name.
 * @throws CreateError `BL_ERR_CREATE_INVALID_ANSWER` otherwise, naming the rule.
 */
export function checkProjectName(name: string): void {
  if (name.length === 0 || name.length > 214 || !PACKAGE_NAME.test(name)) {
    throw new CreateError(
      CREATE_ERROR_CODES.invalidAnswer,
      `"${name}" cannot be a package name: use lowercase letters, digits, "-", "." or "_" (e.g. my-bot).`,
    );
  }
}

/** The folder a scoped name is written to: `@acme/polls` goes to `polls`. */
export function folderOf(name: string): string {
  return name.includes('/') ? name.slice(name.indexOf('/') + 1) : name;
}
