import { fakeAudio } from '../../core/media.js';
import type { Rendered } from '../../core/rendered.js';
import type { LlmOperation } from '../../types.js';
import type { ProviderAdapter, RenderContext } from '../provider-adapter.js';
import { asMessage } from '../shared/as-message.js';
import { replyMismatch } from '../shared/reply-mismatch.js';
import { echoReply, lastUserText } from '../shared/message-parts.js';
import { renderChatCompletion } from './chat-completions.js';
import { rateLimitHeaders, renderOpenAiError } from './openai-errors.js';
import { fieldsOf, renderImages, renderSpeech, renderTranscription } from './openai-media.js';
import { validateOpenAi } from './openai-validate.js';
import { renderResponse } from './responses.js';
import { validateXai } from './xai-validate.js';

const ROUTES: Record<string, LlmOperation> = {
  '/v1/chat/completions': 'chat.completions',
  '/v1/responses': 'responses',
  '/v1/images/generations': 'images.generations',
  '/v1/images/edits': 'images.edits',
  '/v1/audio/speech': 'audio.speech',
  '/v1/audio/transcriptions': 'audio.transcriptions',
};
const XAI_ROUTES: Record<string, LlmOperation> = { ...ROUTES, '/v1/tts': 'tts', '/v1/stt': 'stt' };

/** OpenAI's wire format; `xai` adds `/tts` and `/stt` and xAI's usage and parameter rules. */
export function createOpenAiAdapter(flavour: 'openai' | 'xai'): ProviderAdapter {
  const routes = flavour === 'xai' ? XAI_ROUTES : ROUTES;

  function successHeaders(context: RenderContext): Record<string, string> {
    const headers: Record<string, string> = { 'x-request-id': context.ids.next('req_') };
    if (flavour === 'openai') Object.assign(headers, { 'openai-processing-ms': '1' }, rateLimitHeaders(9999, 6));
    return headers;
  }

  return {
    provider: flavour,
    basePath: '/v1',
    route(method, path) {
      const operation = method === 'POST' ? routes[path] : undefined;
      return operation ? { operation } : undefined;
    },
    credential(headers) {
      const auth = headers.authorization;
      return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    },
    inspect(_match, body) {
      const fields = fieldsOf(body);
      return {
        model: typeof fields.model === 'string' ? fields.model : undefined,
        stream: fields.stream === true || fields.stream === 'true',
      };
    },
    validate(request) {
      return flavour === 'xai' ? validateXai(request) : validateOpenAi(request);
    },
    defaultReply(request) {
      const fields = fieldsOf(request.body);
      switch (request.operation) {
        case 'images.generations':
        case 'images.edits':
          return { kind: 'image', images: [{}] };
        case 'audio.speech':
          return { kind: 'speech', audio: fakeAudio(String(fields.input ?? '')) };
        case 'tts':
          return { kind: 'speech', audio: fakeAudio(String(fields.text ?? '')) };
        case 'audio.transcriptions':
        case 'stt':
          return { kind: 'transcription', text: 'Emulated transcription.' };
        case 'responses':
          return echoReply(lastUserText(fields.input));
        default:
          return echoReply(lastUserText(fields.messages));
      }
    },
    render(request, reply, context): Rendered {
      const headers = successHeaders(context);
      switch (request.operation) {
        case 'chat.completions':
          return renderChatCompletion(flavour, request, asMessage(request, reply), context, headers);
        case 'responses':
          return renderResponse(flavour, request, asMessage(request, reply), context, headers);
        case 'images.generations':
        case 'images.edits':
          if (reply.kind !== 'image') throw replyMismatch(request, reply);
          return renderImages(flavour, request, reply, context, headers);
        case 'audio.speech':
        case 'tts':
          if (reply.kind !== 'speech') throw replyMismatch(request, reply);
          return renderSpeech(request, reply, headers);
        default:
          if (reply.kind === 'message' && reply.text !== undefined) {
            return renderTranscription(request, { kind: 'transcription', text: reply.text }, headers);
          }
          if (reply.kind !== 'transcription') throw replyMismatch(request, reply);
          return renderTranscription(request, reply, headers);
      }
    },
    renderError(request, reply, context) {
      return renderOpenAiError(flavour, request, reply, context.ids);
    },
  };
}
