import { interactionCallback, interactionCallbackBody } from '../../driver/interaction-callback.js';
import { deleteWebhookMessage, editWebhookMessage, followUp, webhookMessage } from '../../driver/interaction-webhook.js';
import { messagePayload } from '../../state/payloads.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import { boolParam } from './route-helpers.js';

/** Interaction callbacks and the interaction webhook (original message and follow-ups); no auth header. */
export const interactionRoutes: RouteDefinition[] = [
  defineRoute({
    method: 'POST',
    path: '/interactions/:interaction_id/:interaction_token/callback',
    auth: 'none',
    changesOnlyMessages: true,
    partial: 'types 1, 4–9; no premium (10) or activity (12) responses',
    body: interactionCallbackBody,
    handle: ({ core, params, body, query }) => {
      const withResponse = boolParam(query, 'with_response');
      const result = interactionCallback(core, params['interaction_id']!, params['interaction_token']!, body, withResponse);
      return result ? { status: 200, body: result } : {};
    },
  }),
  {
    method: 'POST',
    path: '/webhooks/:webhook_id/:webhook_token',
    auth: 'none',
    changesOnlyMessages: true,
    partial: 'interaction webhooks only (no channel webhooks)',
    handle: ({ core, params, body, query }) => {
      const record = core.interactions.byWebhook(params['webhook_id']!, params['webhook_token']!);
      const message = followUp(core, record, body);
      return boolParam(query, 'wait') ? { body: messagePayload(core.ctx.state, message) } : {};
    },
  },
  {
    method: 'GET',
    path: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
    auth: 'none',
    handle: ({ core, params }) => {
      const record = core.interactions.byWebhook(params['webhook_id']!, params['webhook_token']!);
      return { body: messagePayload(core.ctx.state, webhookMessage(record, params['message_id']!)) };
    },
  },
  {
    method: 'PATCH',
    path: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
    auth: 'none',
    changesOnlyMessages: true,
    handle: ({ core, params, body }) => {
      const record = core.interactions.byWebhook(params['webhook_id']!, params['webhook_token']!);
      return { body: messagePayload(core.ctx.state, editWebhookMessage(core, record, params['message_id']!, body)) };
    },
  },
  {
    method: 'DELETE',
    path: '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
    auth: 'none',
    changesOnlyMessages: true,
    handle: ({ core, params }) => {
      const record = core.interactions.byWebhook(params['webhook_id']!, params['webhook_token']!);
      deleteWebhookMessage(core, record, params['message_id']!);
      return {};
    },
  },
];
