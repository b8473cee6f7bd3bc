import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBotHarness, demoGuild, type BotHarness, type LogLine } from './support/bot-harness.js';

const childScript = fileURLToPath(new URL('./fixtures/signal-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

interface SignalChild {
  process: ChildProcess;
  logs: LogLine[];
  /** Resolves when the child sent this IPC message (see the fixture). */
  message(type: string): Promise<void>;
  messages: string[];
  /** Resolves when a log line has this message. */
  logged(msg: string): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('shutdown signals in a bot process', () => {
  let harness: BotHarness;
  let children = 0;
  let child: SignalChild | undefined;

  beforeAll(async () => {
    harness = await createBotHarness();
  });
  afterEach(() => {
    if (child && child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    child = undefined;
  });
  afterAll(() => harness.close());

  const start = (env: Record<string, string> = {}): SignalChild => {
    const processHandle = fork(childScript, [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx', '--conditions=@baseline/source'],
      // Each child its own key prefix: the identify window of one must not delay the next.
      env: { ...process.env, ...harness.env, LOG_LEVEL: 'info', TEST_KV_PREFIX: `${harness.redis.prefix}${children++}:`, ...env },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const logs: LogLine[] = [];
    const messages: string[] = [];
    const waiters = new Set<() => void>();
    const notify = () => {
      for (const waiter of waiters) waiter();
    };
    createInterface({ input: processHandle.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      logs.push(JSON.parse(line) as LogLine);
      notify();
    });
    processHandle.on('message', (message: { type: string }) => {
      messages.push(message.type);
      notify();
    });
    const until = <T>(found: () => T | undefined) =>
      new Promise<T>((resolve) => {
        const check = () => {
          const value = found();
          if (value === undefined) return;
          waiters.delete(check);
          resolve(value);
        };
        waiters.add(check);
        check();
      });
    return {
      process: processHandle,
      logs,
      messages,
      message: (type) => until(() => (messages.includes(type) ? true : undefined)).then(() => {}),
      logged: (msg) => until(() => logs.find((line) => line.msg === msg)),
      exited: new Promise((resolve) => processHandle.once('exit', (code, signal) => resolve({ code, signal }))),
    };
  };

  it('GIVEN an interaction in flight WHEN SIGTERM arrives THEN new interactions get "restarting", the running one is answered, and the process exits 0', async () => {
    child = start();
    await child.message('ready');
    const ids = demoGuild(harness.emulator);
    const work = harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'work' });
    await child.message('working');

    child.process.kill('SIGTERM');
    await child.logged('bot stopping');
    const late = await harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.ownerId, name: 'status' }).response();
    expect(late).toMatchObject({ ephemeral: true, data: { content: expect.stringContaining('restarting') } });
    expect(child.process.exitCode).toBeNull();

    child.process.send({ type: 'release' });
    expect((await work.reply()).content).toBe('finished');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.logs.map((line) => line.msg)).toEqual(expect.arrayContaining(['shutdown signal received', 'bot stopped']));
    expect(child.logs.some((line) => line.msg === 'shutdown bound reached with handlers still running')).toBe(false);
  }, 60_000);

  it('GIVEN a handler that never ends WHEN a second signal arrives during shutdown THEN the process exits 1 at once', async () => {
    // A graceful stop would wait a minute for the handler; only the second signal ends the process in time.
    child = start({ SHUTDOWN_TIMEOUT_MS: '60000' });
    await child.message('ready');
    const ids = demoGuild(harness.emulator);
    harness.emulator.invokeSlashCommand({ guildId: ids.guildId, userId: ids.aliceId, name: 'hang' });
    await child.message('working');

    child.process.kill('SIGTERM');
    await child.logged('bot stopping');
    child.process.kill('SIGINT');
    expect(await child.exited).toEqual({ code: 1, signal: null });
    expect(child.logs.find((line) => line.msg === 'second signal: exiting now')).toMatchObject({ signal: 'SIGINT' });
    expect(child.logs.some((line) => line.msg === 'bot stopped')).toBe(false);
  }, 60_000);

  it('GIVEN SIGTERM during startup work THEN the work finishes, the bot never logs in, stops gracefully and exits 0', async () => {
    const gatewayRequests = () => harness.emulator.requests.filter((request) => request.path === '/gateway/bot').length;
    const before = gatewayRequests();
    child = start({ HOLD_SETUP: '1' });
    await child.message('setup');
    child.process.kill('SIGTERM');
    await child.message('signal-seen');
    expect(child.process.exitCode).toBeNull();

    child.process.send({ type: 'continue' });
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.messages).toContain('setup-done');
    expect(child.messages).not.toContain('ready');
    expect(child.logs.find((line) => line.msg === 'shutdown signal received during startup: stopping now')).toMatchObject({ signal: 'SIGTERM' });
    expect(child.logs.some((line) => line.msg === 'bot stopped')).toBe(true);
    expect(gatewayRequests()).toBe(before);
  }, 60_000);
});
