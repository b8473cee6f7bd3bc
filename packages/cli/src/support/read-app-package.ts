import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_ERROR_CODES, CliError } from './cli-error.js';

/** The fields of a bot app's package.json the CLI reads. */
export interface AppPackage {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * Reads `<appDir>/package.json`.
 * @throws CliError `BL_ERR_CLI_NOT_AN_APP` when there is none (the command ran outside a bot repository).
 */
export function readAppPackage(appDir: string): AppPackage {
  const path = join(appDir, 'package.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      CLI_ERROR_CODES.notAnApp,
      `${path} does not exist: run baseline inside a bot repository (one made by \`npx create-baseline-bot\`), or pass --dir <path>.`,
      { cause: error },
    );
  }
  try {
    return JSON.parse(text) as AppPackage;
  } catch (error) {
    throw new CliError(CLI_ERROR_CODES.notAnApp, `${path} is not valid JSON: fix it and run the command again.`, { cause: error });
  }
}
