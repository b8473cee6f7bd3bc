// The default log format follows who reads stdout: coloured lines for a person at a terminal, JSON lines for a
// pipe (log collectors, files, containers) and always in production. Checked in a child process, once through a
// pipe and once through a pseudo-terminal made by util-linux `script`.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..', '..');
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const fixture = join(here, 'fixtures', 'log-one-line.ts');
const ESC = '\u001b[';

/** Only what the child needs: LOG_PRETTY or NODE_ENV of the test runner must not decide the format. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

/** Runs the fixture with stdout on a pipe. */
function throughPipe(extra: Record<string, string>): string {
  return execFileSync(tsx, [fixture], { env: childEnv(extra), encoding: 'utf8' });
}

/** Runs the fixture with stdout on a pseudo-terminal (`script -qec`; the typescript file is /dev/null). */
function throughTerminal(extra: Record<string, string>): string {
  const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;
  return execFileSync('script', ['-qec', `${quote(tsx)} ${quote(fixture)}`, '/dev/null'], { env: childEnv(extra), encoding: 'utf8' });
}

const jsonLine = (output: string) => JSON.parse(output.trim().split(/\r?\n/).at(-1)!) as Record<string, unknown>;

// Each case starts a TypeScript child process (a few seconds on a busy machine).
describe('default log format', { timeout: 120_000 }, () => {
  it('GIVEN stdout is a pipe in development THEN lines are JSON', () => {
    expect(jsonLine(throughPipe({ NODE_ENV: 'development' }))).toMatchObject({ level: 'info', service: 'tty-check', answer: 42, msg: 'hello from the child' });
  });

  it('GIVEN stdout is a terminal in development THEN lines are human-readable and coloured', () => {
    const output = throughTerminal({ NODE_ENV: 'development' });
    expect(output).toContain('hello from the child');
    expect(output).toContain(ESC);
    expect(output).not.toContain('"msg"');
  });

  it('GIVEN stdout is a terminal in production THEN lines stay JSON', () => {
    const output = throughTerminal({ NODE_ENV: 'production' });
    expect(output).not.toContain(ESC);
    expect(jsonLine(output)).toMatchObject({ level: 'info', msg: 'hello from the child' });
  });

  it('GIVEN stdout is a terminal AND LOG_PRETTY=false THEN lines are JSON', () => {
    expect(jsonLine(throughTerminal({ NODE_ENV: 'development', LOG_PRETTY: 'false' }))).toMatchObject({ msg: 'hello from the child' });
  });

  it('GIVEN stdout is a pipe AND LOG_PRETTY=true THEN lines are human-readable', () => {
    const forced = throughPipe({ NODE_ENV: 'development', LOG_PRETTY: 'true' });
    expect(forced).toContain('hello from the child');
    expect(forced).not.toContain('"msg"');
  });
});
