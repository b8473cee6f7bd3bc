import { CORE_ERROR_CODES, isBaselineError, isKeyValueUnavailable, SettingsValidationError } from '@baseline/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { API_ERROR_CODES, ApiError } from './api-error.js';
import { errorBody } from './error-body.js';

/**
 * Fastify's own client errors, by code: the API's code and a fixed message. Fastify's messages are never passed on,
 * as some of them echo the URL or the body back.
 */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: API_ERROR_CODES.payloadTooLarge, message: 'the request body is larger than this API accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: API_ERROR_CODES.unsupportedMediaType, message: 'send JSON bodies as content-type: application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: API_ERROR_CODES.invalidRequest, message: 'the content-length header does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: API_ERROR_CODES.invalidRequest, message: 'the body is empty although the content-type is application/json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: API_ERROR_CODES.invalidRequest, message: 'the body is not valid JSON' },
  FST_ERR_BAD_URL: { code: API_ERROR_CODES.invalidRequest, message: 'the URL is not valid (malformed percent-encoding)' },
  FST_ERR_MAX_PARAM_LENGTH: { code: API_ERROR_CODES.uriTooLong, message: 'a path parameter is longer than 100 characters' },
};

/**
 * Turns every thrown error into the uniform body. Deliberate errors keep their status and code; anything
 * unexpected is logged with its stack and answered with a bare 500, so no internals reach the client.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) {
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply
      .status(error.status)
      .headers(error.headers)
      .send(errorBody(error.code, error.message, error.fields, error.extra));
  }
  if (error instanceof SettingsValidationError) {
    return reply.status(422).send(
      errorBody(
        error.code,
        'the settings do not match their schema; nothing was stored',
        error.issues.map(({ path, message }) => ({ path, message })),
      ),
    );
  }
  if (isBaselineError(error, CORE_ERROR_CODES.settings.namespaceUnknown)) {
    return reply.status(404).send(errorBody(API_ERROR_CODES.notFound, 'no such settings namespace'));
  }
  if (isKeyValueUnavailable(error)) {
    // Sessions, CSRF tokens and rate limits live in Redis: without it nothing about the caller can be trusted, so
    // nothing is answered from a guess. The request may succeed once Redis is back; no restart is needed.
    request.log.warn({ err: error }, 'request refused: redis is unreachable');
    return reply
      .status(503)
      .header('retry-after', '5')
      .send(errorBody(API_ERROR_CODES.unavailable, 'Redis is unreachable, so sessions and rate limits cannot be checked; retry in a few seconds'));
  }
  const fastifyError = error as Partial<FastifyError>;
  const statusCode = fastifyError.statusCode;
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    const known = fastifyError.code === undefined ? undefined : FASTIFY_CLIENT_ERRORS[fastifyError.code];
    return reply.status(statusCode).send(errorBody(known?.code ?? API_ERROR_CODES.invalidRequest, known?.message ?? 'invalid request'));
  }
  request.log.error({ err: error }, 'request failed unexpectedly');
  return reply.status(500).send(errorBody(API_ERROR_CODES.internal, 'internal error'));
}
