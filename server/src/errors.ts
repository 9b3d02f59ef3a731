// Typed API errors: every 4xx/5xx answers `{code, message, messages}` (shared/sync/protocol
// ApiError): `messages` in each UI language, `message` the English one for older devices.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { LocalizedText } from '../../shared/domain/errors';
import type { ApiError, ApiErrorCode } from '../../shared/sync/protocol';

export class ApiFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    readonly messages: LocalizedText,
  ) {
    super(messages.en);
  }
}

const byFastifyCode: Record<
  string,
  { status: number; code: ApiErrorCode; messages: LocalizedText }
> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    messages: { en: 'The request is too large.', it: 'La richiesta è troppo grande.' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'bad_request',
    messages: {
      en: 'The request must be sent as application/json.',
      it: 'La richiesta deve essere inviata come application/json.',
    },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    messages: { en: 'The request is not valid JSON.', it: 'La richiesta non è un JSON valido.' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    messages: { en: 'The request has no body.', it: 'La richiesta è vuota.' },
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

// Other 4xx Fastify raises itself carry English text only: a plain sentence per code instead.
const byStatusCode: Partial<Record<ApiErrorCode, LocalizedText>> = {
  unauthorized: {
    en: 'Please sign in to use the server.',
    it: 'Accedi per usare il server.',
  },
  forbidden: { en: 'This is not allowed.', it: 'Questa operazione non è consentita.' },
  not_found: { en: 'Not found.', it: 'Non trovato.' },
  payload_too_large: { en: 'The request is too large.', it: 'La richiesta è troppo grande.' },
  rate_limited: {
    en: 'Too many requests. Please wait and try again.',
    it: 'Troppe richieste. Attendi e riprova.',
  },
  bad_request: { en: 'The request is not valid.', it: 'La richiesta non è valida.' },
};

const internal: LocalizedText = {
  en: 'Something went wrong on the server. Please try again.',
  it: 'Si è verificato un problema sul server. Riprova.',
};

const body = (code: ApiErrorCode, messages: LocalizedText): ApiError => ({
  code,
  message: messages.en,
  messages,
});

export const installErrorHandlers = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError | ApiFailure, request, reply) => {
    let status: number;
    let answer: ApiError;
    if (error instanceof ApiFailure) {
      status = error.statusCode;
      answer = body(error.code, error.messages);
    } else if (error.validation) {
      // The API's routes check requests with the shared schemas (api-route.ts); a Fastify
      // JSON schema on another route still answers 400 in both languages.
      status = 400;
      answer = body('bad_request', byStatusCode.bad_request ?? internal);
    } else if (error.code && byFastifyCode[error.code]) {
      const known = byFastifyCode[error.code];
      status = known?.status ?? 400;
      answer = body(known?.code ?? 'bad_request', known?.messages ?? internal);
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      const code = codeForStatus(status);
      answer = body(code, byStatusCode[code] ?? byStatusCode.bad_request ?? internal);
    } else {
      request.log.error({ err: error }, 'request failed');
      status = 500;
      answer = body('internal', internal);
    }
    void reply.status(status).send(answer);
  });
  app.setNotFoundHandler((request, reply) => {
    const what = `${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}`;
    void reply.status(404).send(
      body('not_found', {
        en: `No such endpoint: ${what}`,
        it: `Questo indirizzo non esiste sul server: ${what}`,
      }),
    );
  });
};
