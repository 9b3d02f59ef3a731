// Typed API errors: every 4xx/5xx answers `{code, message}` (shared/sync/protocol ApiError).
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError, ApiErrorCode } from '../../shared/sync/protocol';

export class ApiFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const byFastifyCode: Record<string, { status: number; code: ApiErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'bad_request',
    message: 'The request must be sent as application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    message: 'The request is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    message: 'The request has no body.',
  },
};

const codeForStatus = (status: number): ApiErrorCode => {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'internal' : 'bad_request';
};

export const installErrorHandlers = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError | ApiFailure, request, reply) => {
    let status: number;
    let body: ApiError;
    if (error instanceof ApiFailure) {
      status = error.statusCode;
      body = { code: error.code, message: error.message };
    } else if (error.validation) {
      status = 400;
      body = { code: 'bad_request', message: `The request is not valid: ${error.message}` };
    } else if (error.code && byFastifyCode[error.code]) {
      const known = byFastifyCode[error.code];
      status = known?.status ?? 400;
      body = { code: known?.code ?? 'bad_request', message: known?.message ?? 'Bad request.' };
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      body = { code: codeForStatus(status), message: error.message || 'Bad request.' };
    } else {
      request.log.error({ err: error }, 'request failed');
      status = 500;
      body = { code: 'internal', message: 'Something went wrong on the server. Please try again.' };
    }
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      code: 'not_found',
      message: `No such endpoint: ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`,
    });
  });
};
