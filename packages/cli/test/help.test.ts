import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const COMMANDS = [
  [],
  ['dev'],
  ['start'],
  ['migrate'],
  ['migrate', 'status'],
  ['migrate', 'up'],
  ['migrate', 'down'],
  ['migrate', 'create'],
  ['commands'],
  ['commands', 'plan'],
  ['commands', 'sync'],
  ['plugins'],
  ['plugins', 'list'],
  ['plugins', 'doctor'],
  ['privacy'],
  ['privacy', 'erase'],
  ['add'],
  ['upgrade'],
  ['emulator'],
];

describe('baseline --help', () => {
  it.each(COMMANDS.map((command) => [command.join(' ') || '(root)', command] as const))(
    'GIVEN %s --help THEN it exits 0 with an example',
    async (_label, command) => {
      const result = await runCli([...command, '--help']);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/Examples?:\n {2}\$ (npm run build && )?baseline /);
    },
  );
});
