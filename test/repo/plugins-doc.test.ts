// docs/plugins.md is a tutorial a plugin author follows word for word: every TypeScript block must compile as
// the files it names, against the workspace's packages, exactly as written.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const PLUGIN_DIR = 'examples/welcome/';

/**
 * Every ```ts and ```tsx block of the page with the file it names in its first line
 * (`// examples/welcome/src/x.ts`); tsx blocks are the dashboard entry, checked with the DOM library and JSX.
 */
function typeScriptBlocks(markdown: string): { path: string | undefined; code: string }[] {
  return [...markdown.matchAll(/```tsx?\n([\s\S]*?)```/g)].map(([, code]) => ({ path: /^\/\/ (\S+\.tsx?)\n/.exec(code!)?.[1], code: code! }));
}

describe('docs/plugins.md', () => {
  it('GIVEN every TypeScript block of the tutorial THEN each names its file and together they compile with tsc', () => {
    const blocks = typeScriptBlocks(readFileSync(join(root, 'docs/plugins.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    expect(blocks.filter((block) => !block.path?.startsWith(PLUGIN_DIR)).map((block) => block.code.split('\n')[0])).toEqual([]);

    // A sibling of examples/welcome, so the blocks' relative imports (../../vitest.shared.js) resolve the same;
    // the reference plugin's node_modules hold the same dependencies the tutorial's package.json lists.
    const dir = mkdtempSync(join(root, 'examples', '.docs-check-'));
    try {
      symlinkSync(join(root, 'examples/plugin-reference/node_modules'), join(dir, 'node_modules'), 'dir');
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['src', 'test', '*.ts'], exclude: ['src/web'] }));
      writeFileSync(
        join(dir, 'tsconfig.web.json'),
        JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { lib: ['ES2023', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx' }, include: ['src/web'] }),
      );
      for (const block of blocks) {
        const file = join(dir, block.path!.slice(PLUGIN_DIR.length));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, block.code);
      }
      const tsc = join(root, 'node_modules/.bin/tsc');
      let output = '';
      try {
        execFileSync(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
        execFileSync(tsc, ['-p', join(dir, 'tsconfig.web.json')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
