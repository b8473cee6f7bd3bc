import { describe, expect, it } from 'vitest';
import { createLogger, createRedactor, REDACTED } from '../../src/index.js';
import { memoryDestination } from './memory-destination.js';

// Fake credentials shaped like the real ones.
const DISCORD_TOKEN = `${Buffer.from('1456074443980931072').toString('base64url')}.GhJkLm.abcdefghijklmnopqrstuvwxyz0123456789AB`;
const OPENAI_KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789';
const ANTHROPIC_KEY = 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx0123456789';
const XAI_KEY = 'xai-AbCdEfGhIjKlMnOpQrStUvWx0123456789';
const GOOGLE_KEY = 'AIzaSyAbCdEfGhIjKlMnOpQrStUvWx012345678';
const CONFIGURED = 'correct horse battery staple';

function setup() {
  const out = memoryDestination();
  const logger = createLogger({ service: 'bot', destination: out, secrets: [CONFIGURED] });
  return { out, logger };
}

describe('redaction in logs', () => {
  it('GIVEN a Discord bot token in a message THEN it is redacted', () => {
    const { out, logger } = setup();
    logger.info(`logging in with ${DISCORD_TOKEN} now`);
    logger.info('token=%s', DISCORD_TOKEN);
    expect(out.lines().map((line) => line.msg)).toEqual([`logging in with ${REDACTED} now`, `token=${REDACTED}`]);
    expect(out.raw.join('')).not.toContain(DISCORD_TOKEN.split('.')[2]);
  });

  it('GIVEN an sk- key inside an error message THEN message and stack are redacted', () => {
    const { out, logger } = setup();
    logger.error({ err: new Error(`401 Incorrect API key provided: ${OPENAI_KEY}`) }, 'openai call failed');
    logger.error(new Error(`anthropic rejected ${ANTHROPIC_KEY}`));
    const [first, second] = out.lines();
    const err = first?.err as { message: string; stack: string };
    expect(err.message).toBe(`401 Incorrect API key provided: ${REDACTED}`);
    expect(err.stack).toContain(`Error: 401 Incorrect API key provided: ${REDACTED}`);
    expect(second?.msg).toBe(`anthropic rejected ${REDACTED}`);
    expect((second?.err as { stack: string }).stack).toContain(`anthropic rejected ${REDACTED}`);
    expect(out.raw.join('')).not.toMatch(/AbCdEfGh/);
  });

  it('GIVEN xAI and Google keys in fields THEN they are redacted', () => {
    const { out, logger } = setup();
    logger.info({ request: { url: `https://generativelanguage.googleapis.com/v1?key=${GOOGLE_KEY}`, note: `used ${XAI_KEY}` } }, 'llm');
    expect(out.last().request).toEqual({ url: `https://generativelanguage.googleapis.com/v1?key=${REDACTED}`, note: `used ${REDACTED}` });
  });

  it('GIVEN an Authorization header in an object THEN its value is redacted at any depth', () => {
    const { out, logger } = setup();
    logger.info(
      { req: { method: 'GET', headers: { Authorization: `Bot ${DISCORD_TOKEN}`, 'content-type': 'application/json', cookie: 'sid=abc' } } },
      'request',
    );
    expect(out.last().req).toEqual({ method: 'GET', headers: { Authorization: REDACTED, 'content-type': 'application/json', cookie: REDACTED } });
  });

  it('GIVEN Bearer tokens and Authorization lines inside strings THEN the credentials are redacted', () => {
    const { out, logger } = setup();
    logger.info('curl -H "Authorization: Basic dXNlcjpwYXNz" https://example.test');
    logger.info('sending Bearer abc.def-ghi_jkl to the API');
    const [curl, bearer] = out.lines();
    expect(curl?.msg).toBe(`curl -H "Authorization: Basic ${REDACTED}" https://example.test`);
    expect(bearer?.msg).toBe(`sending Bearer ${REDACTED} to the API`);
  });

  it('GIVEN a configured secret verbatim inside a string THEN it is redacted', () => {
    const { out, logger } = setup();
    logger.warn({ detail: `password was "${CONFIGURED}"!` }, `using ${CONFIGURED}`);
    expect(out.last()).toMatchObject({ detail: `password was "${REDACTED}"!`, msg: `using ${REDACTED}` });
  });

  it('GIVEN sensitive keys in nested objects and arrays THEN their values are redacted, counters are not', () => {
    const { out, logger } = setup();
    logger.info(
      {
        user: { profile: { password: 'hunter2', name: 'ann' } },
        oauth: [{ access_token: 'abc', refresh_token: 'def', expires_in: 3600 }],
        apiKey: 'k',
        clientSecret: 'cs',
        usage: { input_tokens: 12, output_tokens: 7, max_tokens: 100 },
        token: undefined,
      },
      'nested',
    );
    const line = out.last();
    expect(line.user).toEqual({ profile: { password: REDACTED, name: 'ann' } });
    expect(line.oauth).toEqual([{ access_token: REDACTED, refresh_token: REDACTED, expires_in: 3600 }]);
    expect(line.apiKey).toBe(REDACTED);
    expect(line.clientSecret).toBe(REDACTED);
    expect(line.usage).toEqual({ input_tokens: 12, output_tokens: 7, max_tokens: 100 });
  });

  it('GIVEN secrets in child bindings and in the log context THEN they are redacted', async () => {
    const { out, logger } = setup();
    const { withLogContext } = await import('../../src/index.js');
    const child = logger.child({ component: 'oauth', note: `key ${OPENAI_KEY}` });
    withLogContext({ correlation_id: `x ${CONFIGURED}` }, () => child.info('hi'));
    expect(out.last()).toMatchObject({ note: `key ${REDACTED}`, correlation_id: `x ${REDACTED}` });
    child.child({ apiKey: XAI_KEY }).info('grandchild');
    expect(out.last()).toMatchObject({ component: 'oauth', apiKey: REDACTED, msg: 'grandchild' });
  });

  it('GIVEN a URL with a password THEN only the password is redacted', () => {
    const { out, logger } = setup();
    logger.info('connecting to postgresql://baseline:s3cr3t-pw@db:5432/app');
    expect(out.last().msg).toBe(`connecting to postgresql://baseline:${REDACTED}@db:5432/app`);
  });

  it('GIVEN the logged object THEN it is not mutated', () => {
    const { logger } = setup();
    const fields = { headers: { authorization: 'Bearer abcdefgh' }, err: new Error(OPENAI_KEY) };
    logger.info(fields, 'x');
    expect(fields.headers.authorization).toBe('Bearer abcdefgh');
    expect(fields.err.message).toBe(OPENAI_KEY);
  });

  it('GIVEN a circular object THEN logging still works', () => {
    const { out, logger } = setup();
    const node: Record<string, unknown> = { name: 'a' };
    node.self = node;
    logger.info({ node }, 'circular');
    expect(out.last().node).toEqual({ name: 'a', self: '[Circular]' });
  });
});

describe('createRedactor', () => {
  it('GIVEN text without secrets THEN the very same string comes back', () => {
    const redactor = createRedactor([CONFIGURED]);
    const text = 'an ordinary sentence about tokens, keys and sk-8 with a.b.c dots';
    expect(redactor.string(text)).toBe(text);
    const value = { a: [1, 'two'], b: { c: 'three' } };
    expect(redactor.value(value)).toBe(value);
  });

  it('GIVEN dotted words that only look like a token THEN they are kept', () => {
    const redactor = createRedactor();
    const text = 'MyVeryLongIdentifierNameHere.section.abcdefghijklmnop and abcdefghijklmnopqrstuvwxyz.a.bcdefgh';
    expect(redactor.string(text)).toBe(text);
  });

  it('GIVEN configured secrets with regex characters or too short THEN the long ones are matched literally', () => {
    const redactor = createRedactor(['a+b(c)*d$', 'abc']);
    expect(redactor.string('x a+b(c)*d$ y abc')).toBe(`x ${REDACTED} y abc`);
  });
});
