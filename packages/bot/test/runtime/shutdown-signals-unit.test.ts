import { createLogger } from '@baseline/core';
import { createLogCapture } from '@baseline/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { installShutdownSignals, type ShutdownSignals } from '../../src/runtime/shutdown-signals.js';

// The handlers end the process; here `process.exit` is replaced by a recorder so each exit code can be read, and
// signals are delivered with `process.emit`, which runs the same listeners a real signal does without killing the worker.
describe('installShutdownSignals (in this process, process.exit recorded)', () => {
  let exit: MockInstance<typeof process.exit>;
  let signals: ShutdownSignals | undefined;
  const { lines, destination } = createLogCapture();
  const logger = createLogger({ service: 'signals-test', level: 'debug', destination });
  const exitCodes = () => exit.mock.calls.map(([code]) => code);
  const deferred = () => {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((ok, fail) => ((resolve = ok), (reject = fail)));
    return { promise, resolve, reject };
  };
  const signal = (name: NodeJS.Signals) => process.emit(name as 'SIGTERM', name);

  beforeEach(() => {
    lines.length = 0;
    exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  });
  afterEach(() => {
    signals?.remove();
    signals = undefined;
    exit.mockRestore();
    vi.useRealTimers();
  });

  it('GIVEN a bound stop WHEN SIGTERM arrives THEN it stops gracefully and exits 0', async () => {
    signals = installShutdownSignals(60_000);
    const stop = deferred();
    const stopFn = vi.fn(() => stop.promise);
    signals.bind(stopFn, logger);
    signal('SIGTERM');
    expect(stopFn).toHaveBeenCalledTimes(1);
    expect(exitCodes()).toEqual([]);
    stop.resolve();
    await expect.poll(exitCodes).toEqual([0]);
    expect(lines.find((line) => line.msg === 'shutdown signal received')).toMatchObject({ signal: 'SIGTERM' });
  });

  it('GIVEN a stop that fails THEN the failure is logged and the process exits 1', async () => {
    signals = installShutdownSignals(60_000);
    signals.bind(() => Promise.reject(new Error('cannot close')), logger);
    signal('SIGINT');
    await expect.poll(exitCodes).toEqual([1]);
    expect(lines.find((line) => line.msg === 'graceful shutdown failed')).toMatchObject({ err: { message: 'cannot close' } });
  });

  it('GIVEN a stop longer than the hard limit THEN the process exits 1 when the limit passes', async () => {
    vi.useFakeTimers();
    signals = installShutdownSignals(5_000);
    signals.bind(() => new Promise<void>(() => {}), logger);
    signal('SIGTERM');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(exitCodes()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exitCodes()).toEqual([1]);
    expect(lines.find((line) => line.msg === 'graceful shutdown took too long: exiting')).toMatchObject({ limit_ms: 5_000 });
  });

  it('GIVEN a signal before bind THEN nothing stops until bind, which then stops at once; a second signal exits 1 and stop runs only once', async () => {
    signals = installShutdownSignals(60_000);
    signal('SIGTERM');
    expect(exitCodes()).toEqual([]);
    const stop = deferred();
    const stopFn = vi.fn(() => stop.promise);
    signals.bind(stopFn, logger);
    expect(stopFn).toHaveBeenCalledTimes(1);
    expect(lines.find((line) => line.msg === 'shutdown signal received during startup: stopping now')).toMatchObject({ signal: 'SIGTERM' });
    signal('SIGINT');
    expect(exitCodes()).toEqual([1]);
    expect(lines.find((line) => line.msg === 'second signal: exiting now')).toMatchObject({ signal: 'SIGINT' });
    expect(stopFn).toHaveBeenCalledTimes(1);
    stop.resolve();
    await expect.poll(exitCodes).toEqual([1, 0]);
  });

  it('GIVEN two signals before anything is bound THEN the second exits 1 without a logger to write to', () => {
    signals = installShutdownSignals(60_000);
    signal('SIGINT');
    signal('SIGTERM');
    expect(exitCodes()).toEqual([1]);
  });

  it('GIVEN the handlers removed THEN a signal no longer reaches them', () => {
    signals = installShutdownSignals(60_000);
    const stopFn = vi.fn(() => Promise.resolve());
    signals.bind(stopFn, logger);
    const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
    signals.remove();
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(before.map((count) => count - 1));
    signals = undefined;
    signal('SIGTERM');
    expect(stopFn).not.toHaveBeenCalled();
    expect(exitCodes()).toEqual([]);
  });
});
