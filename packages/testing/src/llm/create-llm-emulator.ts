import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIdSource } from './core/ids.js';
import { createFileStore } from './core/media.js';
import { readBody } from '../http/read-body.js';
import { headersOf, parseBody, UnparsableBodyError, withoutSecrets } from './core/read-request.js';
import { createReplyScript } from './core/reply-script.js';
import type { SseFrame } from './core/rendered.js';
import { writeResponse, type Damage } from './core/write-response.js';
import { adapterFor } from './providers/adapter-for.js';
import { isSuccessReply, type RenderContext, type RouteMatch, type SuccessReply } from './providers/provider-adapter.js';
import type { LlmErrorReply, LlmReply } from './replies.js';
import type { LlmEmulator, LlmEmulatorOptions, LlmOperation, RecordedLlmRequest } from './types.js';
import { registerAuditSecret } from '../audit/audit-secrets.js';

const MALFORMED_DEFAULT = '{"id": "trunc';
const COUNTING = new Set<LlmOperation>(['messages.count_tokens', 'countTokens']);

/**
 * Starts a provider emulator on 127.0.0.1 that the provider's official SDK connects to through its base URL.
 *
 * @param options.provider `openai`, `anthropic`, `google` or `xai`
 * @param options.apiKey the accepted key @default `test-<provider>-key`
 * @param options.port @default 0 (a free port)
 * @param options.knownModels other model ids get a 404 @default any model is accepted
 * @param options.validate reject what the real API rejects @default true
 * @param options.record keep every request in `requests` @default true
 * @example
 * ```ts
 * const emulator = await createLlmEmulator({ provider: 'openai' });
 * const client = new OpenAI({ apiKey: emulator.apiKey, baseURL: emulator.baseURL, maxRetries: 0 });
 * emulator.enqueue(llmReply.text('Hi', { usage: { input: 5, output: 1 } }));
 * await client.chat.completions.create({ model: 'gpt-5.4-mini', messages: [{ role: 'user', content: 'Hello' }] });
 * await emulator.close();
 * ```
 */
export async function createLlmEmulator(options: LlmEmulatorOptions): Promise<LlmEmulator> {
  const adapter = adapterFor(options.provider);
  const apiKey = options.apiKey ?? `test-${options.provider}-key`;
  registerAuditSecret(`${options.provider} api key`, apiKey);
  const knownModels = options.knownModels ? new Set(options.knownModels) : undefined;
  const validate = options.validate ?? true;
  const keepRequests = options.record ?? true;
  const script = createReplyScript();
  const requests: RecordedLlmRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  const context: RenderContext = { ids: createIdSource(), files: createFileStore(() => origin) };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`llm emulator failure: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (req.method === 'GET' && url.pathname.startsWith('/_emulator/files/')) {
      const file = context.files.get(url.pathname.slice('/_emulator/files/'.length));
      if (file) res.writeHead(200, { 'content-type': file.contentType }).end(file.bytes);
      else res.writeHead(404).end();
      return;
    }
    const headers = headersOf(req);
    const query = Object.fromEntries(url.searchParams);
    const match = adapter.route(req.method ?? 'GET', url.pathname);
    if (!match) {
      writeResponse(res, adapter.renderError(undefined, notFound(`Unknown route ${req.method} ${url.pathname}`), context));
      return;
    }
    const record: RecordedLlmRequest = {
      provider: adapter.provider,
      operation: match.operation,
      method: req.method ?? 'GET',
      path: url.pathname,
      query,
      headers: withoutSecrets(headers),
      body: undefined,
      model: match.model,
      stream: false,
      attempt: Number(headers['x-stainless-retry-count'] ?? 0) || 0,
      reply: undefined,
    };
    if (keepRequests) requests.push(record);
    const early = await prepare(record, raw, headers, query, match);
    // Token counting never consumes scripted replies: they are meant for the generation that follows.
    const scripted = early ?? (COUNTING.has(record.operation) ? undefined : await script.next(record));
    const reply = scripted ?? adapter.defaultReply(record);
    await answer(res, record, reply);
  }

  async function prepare(
    record: RecordedLlmRequest,
    raw: Buffer,
    headers: Record<string, string>,
    query: Record<string, string>,
    match: RouteMatch,
  ): Promise<LlmErrorReply | undefined> {
    let unparsable: string | undefined;
    try {
      record.body = await parseBody(raw, headers['content-type']);
    } catch (error) {
      if (!(error instanceof UnparsableBodyError)) throw error;
      unparsable = error.message;
    }
    const inspected = adapter.inspect(match, record.body, query);
    record.model = inspected.model ?? record.model;
    record.stream = inspected.stream;
    // The real APIs authenticate before they read the body.
    if (adapter.credential(headers, query) !== apiKey) return { kind: 'error', reason: 'auth' };
    if (unparsable !== undefined) return { kind: 'error', reason: 'invalid_request', message: unparsable };
    if (knownModels && record.model !== undefined && !knownModels.has(record.model)) {
      return notFound(`The model \`${record.model}\` does not exist or you do not have access to it.`);
    }
    return validate ? adapter.validate(record) : undefined;
  }

  async function answer(res: ServerResponse, record: RecordedLlmRequest, reply: LlmReply): Promise<void> {
    record.reply = reply;
    switch (reply.kind) {
      case 'error':
        writeResponse(res, adapter.renderError(record, reply, context));
        return;
      case 'hang': {
        if (reply.ms === undefined) return; // held until the client aborts or the emulator closes
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) void answer(res, record, reply.then ?? adapter.defaultReply(record));
        }, reply.ms);
        timers.add(timer);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'malformed':
        writeSuccess(res, record, adapter.defaultReply(record), { kind: 'malformed', body: reply.body ?? MALFORMED_DEFAULT });
        return;
      case 'truncated': {
        if (reply.error && !record.stream) {
          await answer(res, record, reply.error);
          return;
        }
        const inner = reply.reply ?? adapter.defaultReply(record);
        const damage: Damage = { kind: 'truncate', afterEvents: reply.afterEvents ?? 1, cut: reply.cut ?? 'reset' };
        if (reply.error) damage.tail = streamErrorFrame(record, reply.error);
        if (isSuccessReply(inner)) writeSuccess(res, record, inner, damage);
        else await answer(res, record, inner);
        return;
      }
      default:
        writeSuccess(res, record, reply, { kind: 'none' });
    }
  }

  /** The provider's in-stream error event: its error body as a frame, named when the provider names it. */
  function streamErrorFrame(record: RecordedLlmRequest, error: LlmErrorReply): SseFrame {
    const rendered = adapter.renderError(record, error, context);
    const data = rendered.type === 'body' ? Buffer.from(rendered.body).toString('utf8') : '{}';
    return adapter.streamErrorEvent === undefined ? { data } : { event: adapter.streamErrorEvent, data };
  }

  function writeSuccess(res: ServerResponse, record: RecordedLlmRequest, reply: SuccessReply, damage: Damage) {
    const paced = damage.kind === 'none' && reply.kind === 'message' ? (reply.frameIntervalMs ?? 0) : 0;
    writeResponse(res, adapter.render(record, reply, context), damage, paced);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const baseURL = `${origin}${adapter.basePath}`;

  return {
    provider: options.provider,
    baseURL,
    url: origin,
    apiKey,
    clientOptions: options.provider === 'gemini' ? { apiKey, httpOptions: { baseUrl: baseURL } } : { apiKey, baseURL },
    requests,
    enqueue: (...replies) => script.enqueue(replies),
    model: (id) => script.model(id),
    script: (handler) => script.setHandler(handler),
    reset() {
      script.reset();
      requests.length = 0;
      context.files.clear();
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function notFound(message: string): LlmErrorReply {
  return { kind: 'error', reason: 'not_found', message };
}
