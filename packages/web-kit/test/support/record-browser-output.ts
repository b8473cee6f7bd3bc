import { relative } from 'node:path';
import type { TestCase, TestModule, TestSuite } from 'vitest/node';
import { environmentSecrets, recordForAudit } from '../../../../test/support/secret-audit.js';

/**
 * `onConsoleLog` of the browser-mode project: keeps each console line a page test printed for the run-wide secret
 * audit, as the Node projects' setup file does for theirs, and lets Vitest print it as usual.
 */
export function recordBrowserOutput(log: string, _type: 'stdout' | 'stderr', entity: TestModule | TestSuite | TestCase | undefined): void {
  const module = entity === undefined ? undefined : entity.type === 'module' ? entity : entity.module;
  recordForAudit(module === undefined ? 'a browser test file' : relative(process.cwd(), module.moduleId), log, environmentSecrets());
}
