import { textOf } from '../../core/text-of.js';
import { jsonBody } from '../../core/rendered.js';
import { estimateTokens } from '../../usage.js';
import type { ProviderAdapter } from '../provider-adapter.js';
import { echoReply, lastUserText } from '../shared/message-parts.js';
import { asMessage } from '../shared/as-message.js';
import { anthropicRateLimitHeaders, renderAnthropicError } from './anthropic-errors.js';
import { validateAnthropic } from './anthropic-validate.js';
import { renderMessage } from './messages.js';

/** Anthropic's Messages API (`POST /v1/messages`, `/v1/messages/count_tokens`). */
export function createAnthropicAdapter(): ProviderAdapter {
  return {
    provider: 'anthropic',
    basePath: '',
    streamErrorEvent: 'error',
    route(method, path) {
      if (method !== 'POST') return undefined;
      if (path === '/v1/messages') return { operation: 'messages' };
      if (path === '/v1/messages/count_tokens') return { operation: 'messages.count_tokens' };
      return undefined;
    },
    credential(headers) {
      // SDK 1.x sends a bearer token, 0.x sends x-api-key: accept both.
      if (headers['x-api-key'] !== undefined) return headers['x-api-key'];
      const auth = headers.authorization;
      return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    },
    inspect(_match, body) {
      const fields = (body ?? {}) as Record<string, unknown>;
      return { model: typeof fields.model === 'string' ? fields.model : undefined, stream: fields.stream === true };
    },
    validate: validateAnthropic,
    defaultReply(request) {
      return echoReply(lastUserText((request.body as { messages?: unknown } | undefined)?.messages));
    },
    render(request, reply, context) {
      const headers = { 'request-id': context.ids.next('req_'), ...anthropicRateLimitHeaders(49, 1000) };
      if (request.operation === 'messages.count_tokens') {
        return jsonBody(200, { input_tokens: estimateTokens(textOf(request.body).length) }, headers);
      }
      return renderMessage(request, asMessage(request, reply), context, headers);
    },
    renderError(_request, reply, context) {
      return renderAnthropicError(reply, context.ids);
    },
  };
}
