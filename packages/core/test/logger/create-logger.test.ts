import { setTimeout as sleep } from 'node:timers/promises';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, createLoggerFromConfig, getLogContext, loadConfig, withLogContext } from '../../src/index.js';
import { memoryDestination } from './memory-destination.js';

describe('createLogger', () => {
  it('GIVEN a log call THEN the line is JSON with ISO time, level label, service, component and message', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'bot', component: 'core', destination: out });
    logger.info({ command: 'status' }, 'command ran');
    const line = out.last();
    expect(line).toMatchObject({ level: 'info', service: 'bot', component: 'core', command: 'status', msg: 'command ran' });
    expect(typeof line.time).toBe('string');
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
    expect(out.raw.at(-1)?.endsWith('\n')).toBe(true);
  });

  it('GIVEN the default level THEN debug is dropped and info is written', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'bot', destination: out });
    logger.debug('hidden');
    logger.info('shown');
    expect(out.lines().map((line) => line.msg)).toEqual(['shown']);
  });

  it('GIVEN a child logger THEN it carries its component and the parent fields', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'api', destination: out });
    logger.child({ component: 'sessions' }).warn('expired');
    expect(out.last()).toMatchObject({ service: 'api', component: 'sessions', level: 'warn', msg: 'expired' });
  });

  it('GIVEN an error THEN the line has its type, message and stack', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'bot', destination: out });
    logger.error({ err: new TypeError('boom') }, 'handler failed');
    logger.error(new RangeError('direct'));
    const [withField, direct] = out.lines();
    expect(withField).toMatchObject({ level: 'error', msg: 'handler failed', err: { type: 'TypeError', message: 'boom' } });
    expect((withField?.err as { stack: string }).stack).toMatch(/^TypeError: boom\n\s+at /);
    expect(direct).toMatchObject({ msg: 'direct', err: { type: 'RangeError', message: 'direct' } });
    expect((direct?.err as { stack: string }).stack).toContain('create-logger.test.ts');
  });

  it('GIVEN an error with a cause THEN the stack includes the cause', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'bot', destination: out });
    logger.error({ err: new Error('outer', { cause: new Error('inner reason') }) }, 'failed');
    expect((out.last().err as { stack: string }).stack).toContain('inner reason');
  });
});

describe('log context', () => {
  it('GIVEN withLogContext THEN lines after awaits, in timers and in child loggers carry the context', async () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'bot', destination: out });
    const child = logger.child({ component: 'cog' });
    await withLogContext({ guild_id: '111111111111111111', correlation_id: 'c-1' }, async () => {
      await sleep(1);
      logger.info('after await');
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          child.info('in timer');
          resolve();
        }, 1),
      );
      await withLogContext({ user_id: '222222222222222222' }, async () => {
        await Promise.resolve();
        child.info('nested');
      });
      logger.info('after nested');
    });
    logger.info('outside');
    const [afterAwait, inTimer, nested, afterNested, outside] = out.lines();
    expect(afterAwait).toMatchObject({ guild_id: '111111111111111111', correlation_id: 'c-1' });
    expect(inTimer).toMatchObject({ guild_id: '111111111111111111', component: 'cog' });
    expect(nested).toMatchObject({ guild_id: '111111111111111111', user_id: '222222222222222222', correlation_id: 'c-1' });
    expect(afterNested).not.toHaveProperty('user_id');
    expect(outside).not.toHaveProperty('guild_id');
    expect(outside).not.toHaveProperty('correlation_id');
  });

  it('GIVEN concurrent contexts THEN each line keeps its own', async () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'bot', destination: out });
    await Promise.all(
      ['a', 'b', 'c'].map((id, index) =>
        withLogContext({ correlation_id: id }, async () => {
          await sleep(3 - index);
          logger.info(id);
        }),
      ),
    );
    for (const line of out.lines()) expect(line.correlation_id).toBe(line.msg);
  });

  it('GIVEN getLogContext THEN it returns the current frozen context, empty outside', () => {
    expect(getLogContext()).toEqual({});
    withLogContext({ guild_id: '1' }, () => {
      expect(getLogContext()).toEqual({ guild_id: '1' });
      expect(Object.isFrozen(getLogContext())).toBe(true);
    });
  });

  it('GIVEN a field passed to the call THEN it wins over the context', () => {
    const out = memoryDestination();
    const logger = createLogger({ service: 'bot', destination: out });
    withLogContext({ guild_id: 'from-context' }, () => logger.info({ guild_id: 'explicit' }, 'x'));
    expect(out.last().guild_id).toBe('explicit');
  });
});

describe('createLoggerFromConfig', () => {
  it('GIVEN a config THEN level and configured secrets are applied', () => {
    const config = loadConfig({
      envFiles: false,
      env: { LOG_LEVEL: 'warn', DATABASE_URL: 'postgresql://app:db-password-42@db:5432/app' },
    });
    const out = memoryDestination();
    const logger = createLoggerFromConfig(config, { service: 'api', destination: out });
    logger.info('dropped');
    logger.warn('connecting with db-password-42');
    expect(out.lines()).toHaveLength(1);
    expect(out.last()).toMatchObject({ service: 'api', level: 'warn', msg: 'connecting with [REDACTED]' });
  });
});

describe('pretty output', () => {
  it('GIVEN pretty: true THEN lines are human-readable, still redacted', async () => {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    const logger = createLogger({ service: 'bot', pretty: true, destination, secrets: ['pretty-secret-1'] });
    logger.info({ guild_id: '1' }, 'hello pretty-secret-1');
    await vi.waitFor(() => expect(chunks.join('')).toContain('hello'));
    const text = chunks.join('');
    expect(text).toMatch(/INFO.*hello \[REDACTED\]/);
    expect(text).toContain('guild_id: "1"');
    expect(() => JSON.parse(text)).toThrow();
  });
});
