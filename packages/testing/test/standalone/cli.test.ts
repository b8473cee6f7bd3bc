import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../src/standalone/cli.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'baseline-emulator-cli-'));

const seed = {
  application: { id: '1456074443980931072', botToken: 'MTQ1NjA3NDQ0Mzk4MDkzMTA3Mg.emu.cli-test' },
  users: [{ username: 'owner' }, { username: 'alice', globalName: 'Alice' }],
  guilds: [{ id: '1456074448175235073', name: 'CLI Guild', owner: 'owner', channels: [{ name: 'general' }, { name: 'random' }], members: [{ user: 'alice' }] }],
};

/** Runs the command from its TypeScript source (tsx), so the test never depends on a stale build. */
function runCli(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<{ code: number | null; signal: string | null }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exit };
}

async function waitForOutput(run: ReturnType<typeof runCli>, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.output())) {
    if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`no ${pattern} in output:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return run.output();
}

function printed(output: string, label: string): string {
  const match = new RegExp(`^\\s*${label}\\s+(\\S+)\\s*$`, 'm').exec(output);
  if (!match) throw new Error(`"${label}" not printed:\n${output}`);
  return match[1]!;
}

describe('baseline-emulator command', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN a seed file on port 0 THEN it prints its URLs and token, serves the page and the REST API, AND exits 0 on SIGTERM', async () => {
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(seed));
    const run = runCli(['--seed', seedFile, '--port', '0']);
    try {
      const output = await waitForOutput(run, /Press Ctrl\+C/);
      const rest = printed(output, 'REST');
      const gateway = printed(output, 'Gateway');
      const page = printed(output, 'Web page');
      expect(printed(output, 'Bot token')).toBe(seed.application.botToken);
      expect(printed(output, 'Application id')).toBe(seed.application.id);
      expect(printed(output, 'OAuth2')).toBe(rest.replace(/\/api$/, '/oauth2/authorize'));
      expect(rest).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);

      const html = await fetch(page).then((response) => response.text());
      expect(html).toContain('<title>Baseline Discord emulator</title>');
      const script = await fetch(new URL('/app.js', page));
      expect(script.headers.get('content-type')).toContain('javascript');
      const state = (await fetch(new URL('/api/state', page)).then((response) => response.json())) as {
        guilds: { name: string; channels: { name: string }[] }[];
      };
      expect(state.guilds.map((guild) => guild.name)).toEqual(['CLI Guild']);
      expect(state.guilds[0]!.channels.map((channel) => channel.name)).toEqual(['general', 'random']);

      const auth = { authorization: `Bot ${seed.application.botToken}` };
      const gatewayBot = (await fetch(`${rest}/v10/gateway/bot`, { headers: auth }).then((response) => response.json())) as { url: string };
      expect(gatewayBot.url).toBe(gateway);
      const guild = (await fetch(`${rest}/v10/guilds/${seed.guilds[0]!.id}`, { headers: auth }).then((response) => response.json())) as { name: string };
      expect(guild.name).toBe('CLI Guild');

      run.child.kill('SIGTERM');
      await expect(run.exit).resolves.toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('Stopped.');
      await expect(fetch(`${rest}/v10/gateway`)).rejects.toThrow();
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('GIVEN a seed file that is not JSON THEN it exits 1 naming the file and the problem', async () => {
    const seedFile = join(dir, 'broken.json');
    writeFileSync(seedFile, '{ "users": [');
    const run = runCli(['--seed', seedFile, '--port', '0']);
    await expect(run.exit).resolves.toEqual({ code: 1, signal: null });
    expect(run.output()).toContain(`seed file ${seedFile} is not JSON`);
  });

  it('GIVEN an unknown flag THEN it exits 1 with the usage', async () => {
    const run = runCli(['--prot', '0']);
    await expect(run.exit).resolves.toEqual({ code: 1, signal: null });
    expect(run.output()).toContain("Unknown option '--prot'");
    expect(run.output()).toContain('Usage: baseline-emulator');
  });
});
