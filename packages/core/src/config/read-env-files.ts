import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads dotenv files from `cwd` with Node's own parser (`util.parseEnv`, the same as `process.loadEnvFile`).
 * Later files override earlier ones; missing files are skipped. Nothing is written to `process.env`.
 */
export function readEnvFiles(cwd: string, files: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(resolve(cwd, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const [name, value] of Object.entries(parseEnv(content))) {
      if (value !== undefined) values[name] = value;
    }
  }
  return values;
}
