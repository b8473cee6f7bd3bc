import { isBaselineError, SettingsValidationError } from '@baseline/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { API_ERROR_CODES, ApiError } from './api-error.js';
import { errorBody } from './error-body.js';

/** Fastify's own client errors, by code, mapped to the API's codes. */
const FASTIFY_CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: API_ERROR_CODES.payloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: API_ERROR_CODES.unsupportedMediaType,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: API_ERROR_CODES.invalidRequest,
  FST_ERR_CTP_EMPTY_JSON_BODY: API_ERROR_CODES.invalidRequest,
  FST_ERR_CTP_INVALID_JSON_BODY: API_ERROR_CODES.invalidRequest,
};

/**
 * Turns every thrown error into the uniform body. Deliberate errors keep their status and code; anything
 * unexpected is logged with its stack and answered with a bare 500, so no internals reach the client.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) {
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(error.status).headers(error.headers).send(errorBody(error.code, error.message, error.fields, error.extra));
  }
  if (error instanceof SettingsValidationError) {
    return reply.status(422).send(errorBody(error.code, 'the settings do not match their schema; nothing was stored', error.issues.map(({ path, message }) => ({ path, message }))));
  }
  if (isBaselineError(error, 'BL_ERR_SETTINGS_NAMESPACE_UNKNOWN')) {
    return reply.status(404).send(errorBody(API_ERROR_CODES.notFound, 'no such settings namespace'));
  }
  const fastifyError = error as Partial<FastifyError>;
  const statusCode = fastifyError.statusCode;
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    const code = (fastifyError.code && FASTIFY_CLIENT_ERRORS[fastifyError.code]) ?? API_ERROR_CODES.invalidRequest;
    // Fastify's client-error messages describe the request (size, media type, JSON syntax), never the server.
    return reply.status(statusCode).send(errorBody(code, fastifyError.message ?? 'invalid request'));
  }
  request.log.error({ err: error }, 'request failed unexpectedly');
  return reply.status(500).send(errorBody(API_ERROR_CODES.internal, 'internal error'));
}
