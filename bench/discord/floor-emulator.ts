// BENCH_FLOOR=1: the least any emulator built on Node's http server and ws must do per benchmark interaction, to
// read interactions.bench.ts against. Imported by the emulator process before the emulator starts, it swaps the
// per-interaction path (login, READY and GUILD_CREATE still go through the real emulator): INTERACTION_CREATE comes
// from a template serialised once per guild with a new id and token spliced in, and the callback request's body is
// read, parsed and answered 204 with the same five rate-limit headers, then the driver's wait is woken. No routing,
// body validation, rate limiting, message record, request log or permission check. A measuring device, not an
// emulator: it knows one route and one reply.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InteractionDriver, type SlashCommandInput } from '../../packages/testing/src/discord/driver/interaction-driver.js';
import type { InteractionHandle } from '../../packages/testing/src/discord/driver/interaction-handle.js';
import { InteractionRecord } from '../../packages/testing/src/discord/driver/interaction-record.js';
import type { MessageRecord } from '../../packages/testing/src/discord/state/records.js';
import type { EmulatorCore } from '../../packages/testing/src/discord/emulator-core.js';
import { HttpHandler } from '../../packages/testing/src/discord/rest/http-handler.js';

/** Both patched classes keep the core in a private field; this is the one place that reads it. */
const coreOf = (owner: HttpHandler | InteractionDriver) => (owner as unknown as { core: EmulatorCore }).core;

const HEADERS = {
  'x-ratelimit-limit': '10000',
  'x-ratelimit-remaining': '9999',
  'x-ratelimit-reset': '1764940000.000',
  'x-ratelimit-reset-after': '1.000',
  'x-ratelimit-bucket': '0123456789abcdef0123456789abcdef',
};

const realHandle = HttpHandler.prototype.handle;
HttpHandler.prototype.handle = function (this: HttpHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = request.url ?? '';
  if (!url.includes('/callback')) return realHandle.call(this, request, response);
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: number; data: { content?: string } };
    // /api/v10/interactions/{id}/{token}/callback
    const record = coreOf(this).interactions.byId.get(url.split('/')[4]!)!;
    record.response = { type: body.type, data: body.data, ephemeral: false, deferred: false };
    record.original = { id: record.id, content: body.data.content ?? '', flags: 0 } as MessageRecord;
    response.writeHead(204, HEADERS);
    response.once('close', () => setImmediate(() => record.waiters?.forEach((waiter) => waiter.wake())));
    response.end();
  });
  return Promise.resolve();
};

const templates = new Map<string, string>();
let tokens = 0;
InteractionDriver.prototype.slashCommand = function (this: InteractionDriver, input: SlashCommandInput): InteractionHandle {
  const core = coreOf(this);
  const guildId = input.guildId!;
  let template = templates.get(guildId);
  if (template === undefined) {
    const guild = core.guilds.guild(guildId);
    const data = { id: '0', name: input.name, type: 1, options: [] };
    const first = core.interactions.create({ type: 2, guildId, channelId: guild.channels.keys().next().value!, userId: input.userId, data });
    template = first.json.replace(first.id, '@ID@').replace(first.token, '@TOKEN@');
    templates.set(guildId, template);
    return waitable(core, first);
  }
  const id = core.ctx.snowflakes.next();
  const token = `floor_${(tokens++).toString(36)}`;
  const json = template.replace('@ID@', id).replace('@TOKEN@', token);
  const record = new InteractionRecord(id, token, 2, guildId, '', input.userId, {}, null, json);
  core.interactions.byId.set(id, record);
  core.gateway.dispatch(guildId, 'INTERACTION_CREATE', json);
  return waitable(core, record);
};

/** The part of a handle the benchmark uses: `reply()` with the content of the callback. */
function waitable(core: EmulatorCore, record: InteractionRecord): InteractionHandle {
  const reply = () => core.interactions.waitFor(record, () => (record.original ? { content: record.original.content } : undefined), 60_000, 'reply');
  return { id: record.id, token: record.token, reply } as unknown as InteractionHandle;
}
