import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopOnSignals, type SignalHost } from '../src/support/stop-on-signals.js';

/** A stand-in for the process: signals are emitted by the test, exits and stderr are recorded. */
function fakeProcess(): SignalHost & { emit(signal: NodeJS.Signals): void; exits: number[]; errors: string; settled(): Promise<void> } {
  const events = new EventEmitter();
  const host = {
    exits: [] as number[],
    errors: '',
    on: (signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void) => events.on(signal, handler),
    off: (signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void) => events.off(signal, handler),
    exit: (code: number) => void host.exits.push(code),
    stderr: { write: (text: string) => (host.errors += text) },
    emit: (signal: NodeJS.Signals) => void events.emit(signal, signal),
    settled: () => new Promise<void>((resolve) => setImmediate(resolve)),
  };
  return host;
}

describe('stopOnSignals', () => {
  it('GIVEN SIGTERM THEN it stops and exits 0, AND a second signal exits at once with 130', async () => {
    const host = fakeProcess();
    let stops = 0;
    stopOnSignals(async () => void (stops += 1), host);
    host.emit('SIGTERM');
    await host.settled();
    expect(stops).toBe(1);
    expect(host.exits).toEqual([0]);
    expect(host.errors).toBe('\nSIGTERM: stopping…\n');
    host.emit('SIGINT');
    expect(host.exits).toEqual([0, 130]);
  });

  it('GIVEN a stop that throws THEN it says why and exits 1', async () => {
    const host = fakeProcess();
    stopOnSignals(() => Promise.reject(new Error('database gone')), host);
    host.emit('SIGINT');
    await host.settled();
    expect(host.errors).toContain('stopping failed: database gone\n');
    expect(host.exits).toEqual([1]);
  });

  it('GIVEN a stop that rejects with a non-error THEN the value is printed', async () => {
    const host = fakeProcess();
    stopOnSignals(() => Promise.reject('nope'), host);
    host.emit('SIGTERM');
    await host.settled();
    expect(host.errors).toContain('stopping failed: nope\n');
  });

  it('GIVEN the handlers were removed THEN a signal does nothing', () => {
    const host = fakeProcess();
    const remove = stopOnSignals(async () => undefined, host);
    remove();
    host.emit('SIGTERM');
    expect(host.exits).toEqual([]);
  });
});
