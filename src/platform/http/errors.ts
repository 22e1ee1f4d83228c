import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, renderError, type ErrorCode, type Language } from '../errors.ts';

/** Picks the response language: the `lang` cookie the web app sets, else Accept-Language, else Vietnamese. */
export function requestLanguage(request: FastifyRequest): Language {
  const cookie = request.cookies?.['lang'];
  if (cookie === 'en' || cookie === 'vi') return cookie;
  const accept = request.headers['accept-language'];
  if (typeof accept === 'string' && /^\s*en\b/i.test(accept)) return 'en';
  return 'vi';
}

// Fastify's own error codes that are the client's fault, mapped to ours.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'URL_MALFORMED',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
};

// What the multipart parser (@fastify/busboy, under @fastify/multipart) throws or emits, as plain
// errors without a code or status, when a body is not the multipart/form-data it claims to be: no
// boundary, a boundary the body never uses, a body or part cut short.
const malformedMultipart =
  /^(?:Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Malformed part header)$/;

/** Whether an error is the multipart parser's complaint about the request body (the client's fault). */
function isMalformedMultipart(error: unknown): boolean {
  return error instanceof Error && !(error as Partial<FastifyError>).code && malformedMultipart.test(error.message);
}

/** Turns anything thrown in a request into the platform's error, keeping unknown failures opaque. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      in: error.validationContext ?? 'body',
      path: v.instancePath.replace(/^\//, '').split('/').filter(Boolean),
      message: v.message,
      code: (v.params.issue as { code?: string } | undefined)?.code ?? 'invalid',
    }));
    return new AppError('VALIDATION_FAILED', { issues });
  }
  const fe = error as Partial<FastifyError>;
  if (fe.code && fastifyCodes[fe.code]) return new AppError(fastifyCodes[fe.code] as ErrorCode, null, { cause: error });
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (isMalformedMultipart(error)) return new AppError('UPLOAD_MALFORMED', null, { cause: error });
  // JSON.parse failures surface as SyntaxError with a 400 status from the content-type parser.
  if (error instanceof SyntaxError && fe.statusCode === 400) return new AppError('MALFORMED_JSON');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError('VALIDATION_FAILED', { reason: fe.message });
  return new AppError('INTERNAL_ERROR', null, { cause: error });
}

/** Sends an AppError as the platform's JSON error body. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  return reply
    .status(error.status)
    .type('application/json; charset=utf-8')
    .send(renderError(error, requestLanguage(request)));
}

/**
 * Fastify's `frameworkErrors` option: a URL the router cannot take (broken percent-encoding, a
 * parameter past its length limit) is refused before any route or hook runs, so it gets the
 * platform's error body here rather than Fastify's own.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  request.log.info({ code: appError.code }, 'request rejected');
  void sendError(request, reply, appError);
}

/** Installs the error and not-found handlers: every failure is `{code, message, details}`. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, 'request rejected');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new AppError('ROUTE_NOT_FOUND', { method: request.method, url: request.url })),
  );
}
