import { BaselineError, createKeyValue, createLogger, loadConfig } from '@baseline/core';
import { describe, expect, it } from 'vitest';
import { BackgroundTasks } from '../../src/runtime/background-tasks.js';
import { botClientOptions } from '../../src/runtime/build-client.js';
import { requireToken } from '../../src/runtime/require-token.js';
import { createStartupGate, STARTUP_INTERRUPTED } from '../../src/runtime/startup-gate.js';

const logger = createLogger({ service: 'test', level: 'silent' });
const configOf = (env: Record<string, string>) => loadConfig({ env, envFiles: false });

describe('createBot startup steps', () => {
  describe('startup gate', () => {
    it('GIVEN no interrupt THEN a step resolves with its value', async () => {
      const gate = createStartupGate();
      await expect(gate.step(Promise.resolve(42))).resolves.toBe(42);
    });

    it('GIVEN an interrupt while a step is pending THEN the step ends with STARTUP_INTERRUPTED, and so does every later one', async () => {
      const gate = createStartupGate();
      const pending = gate.step(new Promise<never>(() => {}));
      gate.interrupt();
      await expect(pending).rejects.toBe(STARTUP_INTERRUPTED);
      await expect(gate.step(new Promise<never>(() => {}))).rejects.toBe(STARTUP_INTERRUPTED);
    });
  });

  describe('background tasks', () => {
    it('GIVEN three tasks, one failing to stop THEN all stop, last started first, and the failure is reported', async () => {
      const stopped: string[] = [];
      const failures: string[] = [];
      const background = new BackgroundTasks();
      background.add('metrics', () => void stopped.push('metrics'));
      background.add('tracking', async () => {
        throw new Error('boom');
      });
      background.add('health', async () => void stopped.push('health'));
      await background.stopAll((_error, task) => failures.push(task));
      expect(stopped).toEqual(['health', 'metrics']);
      expect(failures).toEqual(['tracking']);
      await background.stopAll(() => {});
      expect(stopped).toEqual(['health', 'metrics']);
    });
  });

  describe('token', () => {
    it('GIVEN a token option THEN it wins over DISCORD_BOT_TOKEN', () => {
      expect(requireToken('given', configOf({ DISCORD_BOT_TOKEN: 'configured' }))).toBe('given');
      expect(requireToken(undefined, configOf({ DISCORD_BOT_TOKEN: 'configured' }))).toBe('configured');
    });

    it('GIVEN no token anywhere THEN it refuses with BL_ERR_BOT_TOKEN_MISSING', () => {
      let caught: unknown;
      try {
        requireToken(undefined, configOf({}));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(BaselineError);
      expect((caught as BaselineError).code).toBe('BL_ERR_BOT_TOKEN_MISSING');
    });
  });

  describe('client options', () => {
    const kv = createKeyValue({ logger });

    it('GIVEN DISCORD_API_BASE_URL and the in-memory store THEN REST goes to that URL and no shared identify throttle is set', () => {
      const options = botClientOptions({ config: configOf({ DISCORD_API_BASE_URL: 'http://127.0.0.1:4000/api' }), plugins: [], kv }, {});
      expect(options.rest?.api).toBe('http://127.0.0.1:4000/api');
      expect(options.ws?.buildIdentifyThrottler).toBeUndefined();
    });

    it("GIVEN clientOptions THEN their rest and ws keys merge over baseline's, key by key", () => {
      const options = botClientOptions(
        { config: configOf({ DISCORD_API_BASE_URL: 'http://127.0.0.1:4000/api' }), plugins: [], kv },
        { cache: false, clientOptions: { rest: { timeout: 5 }, ws: { large_threshold: 50 } } },
      );
      expect(options.rest).toEqual({ api: 'http://127.0.0.1:4000/api', timeout: 5 });
      expect(options.ws).toEqual({ large_threshold: 50 });
      expect(options.makeCache).toBeUndefined();
    });
  });
});
