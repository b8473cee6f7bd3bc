import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { createApiStack, type ApiStack } from '../support/api-stack.js';
import { arbitraryRequest, type OpenApiDocument, type Operation } from '../support/openapi-arbitraries.js';

/*
 * Property-based tests generated from the OpenAPI document: for every operation and every kind of caller, arbitrary
 * path, query and body values (shaped by the operation's own schemas, mixed with hostile values) never produce a 5xx,
 * never cross a guild boundary, and only ever answer a status the document lists for that operation.
 *
 * Runs per operation and caller: PROPERTY_RUNS (default 12), so the file stays well under a minute; raise it locally
 * to search harder. fast-check prints the seed and the shrunk request of any failure.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const UNLIMITED = { max: 1_000_000_000, windowMs: 60_000 };

type Kind = 'anonymous' | 'member' | 'authorized' | 'developer';
const KINDS: Kind[] = ['anonymous', 'member', 'authorized', 'developer'];

describe('OpenAPI properties: arbitrary requests from every kind of caller', () => {
  let stack: ApiStack;
  let document: OpenApiDocument;
  const clients = {} as Record<Kind, ApiClient>;
  let pool: string[];

  beforeAll(async () => {
    // Limits out of the way so handlers run; 429 itself is covered by the rate-limit suites.
    stack = await createApiStack({ api: { rateLimits: { user: UNLIMITED, anonymous: UNLIMITED, guild: UNLIMITED, global: UNLIMITED } } });
    clients.anonymous = stack.client();
    clients.member = await stack.login('mallory');
    clients.authorized = await stack.login('owner');
    clients.developer = await stack.login('dev');
    document = (await clients.anonymous.get('/api/v1/openapi.json')).body as OpenApiDocument;
    // Ids that exist, so generated requests also aim at real guilds; user ids are left out so no grant or revocation
    // changes who may do what during the run.
    pool = [
      stack.guilds.alpha,
      stack.guilds.beta,
      stack.guilds.main,
      '123456789012345678',
      'greeter',
      'moderation',
      'greeting',
      'maxPerDay',
      'openai',
      'gpt-4o',
    ];
  });
  afterAll(() => stack?.close());

  /** The guilds whose data a caller may see: the rule every answer is checked against. */
  function mayOpen(kind: Kind, guildId: string, access: string): boolean {
    if (kind === 'developer') return access !== 'guild-authorized';
    return kind === 'authorized' && guildId === stack.guilds.alpha;
  }

  function foreignGuilds(kind: Kind): string[] {
    const all = [stack.guilds.alpha, stack.guilds.beta, stack.guilds.main];
    if (kind === 'developer') return [];
    return all.filter((guildId) => !(kind === 'authorized' && guildId === stack.guilds.alpha));
  }

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );

  it('GIVEN the document THEN it describes every mounted operation (guard against an empty run)', () => {
    expect(operations().length).toBeGreaterThan(20);
  });

  it('GIVEN every operation and every caller THEN no 5xx, no status the document omits, no guild boundary crossed', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    const answered = { success: 0, refused: 0 };
    for (const { path, method, operation } of operations()) {
      for (const kind of KINDS) {
        // Logging out would end the very session the other runs use; logout is covered by the login-flow suite.
        if (path === '/api/v1/auth/logout' && kind !== 'anonymous') continue;
        const before = failures.length;
        await fc
          .assert(
            fc.asyncProperty(arbitraryRequest(path, operation as Operation, document, pool), async (request) => {
              const response = await clients[kind].request(method, request.url, {
                ...(request.payload === undefined ? {} : { rawBody: request.payload }),
              });
              const where = `${kind} ${method} ${request.url} ${request.payload ?? ''} → ${response.status} ${response.text.slice(0, 200)}`;
              const problems: string[] = [];
              if (response.status >= 500) problems.push('5xx');
              if (!(String(response.status) in operation.responses)) problems.push(`status ${response.status} not in the document`);
              if (response.status >= 400 && !/^BL_ERR_/.test(String(response.body?.error?.code))) problems.push('error without a BL_ERR_ code');
              const access = (operation as Operation)['x-baseline-access'];
              if (response.status < 300) {
                const guildId = request.params.guild_id;
                if (guildId !== undefined && access.startsWith('guild') && !mayOpen(kind, guildId, access)) problems.push('guild boundary crossed');
                if (access === 'developer' && kind !== 'developer') problems.push('developer route served to a non-developer');
                if (access !== 'public' && kind === 'anonymous') problems.push('signed-in route served anonymously');
                if (method === 'GET')
                  for (const foreign of foreignGuilds(kind)) if (response.text.includes(foreign)) problems.push(`body shows guild ${foreign}`);
              }
              answered[response.status < 300 ? 'success' : 'refused'] += 1;
              if (problems.length > 0) failures.push(`${problems.join(', ')}: ${where}`);
              return problems.length === 0;
            }),
            { numRuns: RUNS, endOnFailure: true },
          )
          .catch((error: unknown) => {
            // A failed property is already in `failures`; anything else (a generator that throws) must not pass unseen.
            if (failures.length === before) failures.push(`${kind} ${method} ${path}: ${String(error)}`);
          });
      }
    }
    expect(failures).toEqual([]);
    // Not vacuous: the generated requests reach handlers as well as the checks in front of them.
    expect(answered.success).toBeGreaterThan(RUNS * 10);
    expect(answered.refused).toBeGreaterThan(RUNS * 10);
  });
});
