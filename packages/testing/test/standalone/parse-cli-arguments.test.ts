import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseCliArguments } from '../../src/standalone/parse-cli-arguments.js';

// The command itself runs in a child process in cli.test.ts; its argument rules are checked here, one per case.

describe('baseline-emulator arguments', () => {
  it('GIVEN no arguments THEN the default port and the one after it for the page', () => {
    expect(parseCliArguments([])).toEqual({ port: DEFAULT_PORT, pagePort: DEFAULT_PORT + 1 });
  });

  it('GIVEN --port 0 THEN the page port is free too, AND an explicit page port wins', () => {
    expect(parseCliArguments(['--port', '0'])).toEqual({ port: 0, pagePort: 0 });
    expect(parseCliArguments(['--port', '9000', '--page-port', '9100'])).toEqual({ port: 9000, pagePort: 9100 });
  });

  it('GIVEN a seed and a host THEN both are passed on', () => {
    expect(parseCliArguments(['--seed', 'seed.json', '--host', '0.0.0.0', '--port', '1'])).toEqual({
      seed: 'seed.json',
      host: '0.0.0.0',
      port: 1,
      pagePort: 2,
    });
  });

  it('GIVEN -h or --help THEN help', () => {
    expect(parseCliArguments(['-h'])).toBe('help');
    expect(parseCliArguments(['--port', '1', '--help'])).toBe('help');
  });

  it.each([
    [['--port', '70000'], /--port must be a port number/],
    [['--port', '1.5'], /--port must be a port number/],
    [['--page-port=-1'], /--page-port must be a port number/],
    [['--verbose'], /verbose/],
    [['extra'], /extra/],
  ])('GIVEN %j THEN BL_ERR_EMULATOR_CLI_ARGUMENT naming the problem', (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(expect.objectContaining({ code: 'BL_ERR_EMULATOR_CLI_ARGUMENT', message: expect.stringMatching(message) }));
  });
});
