// Reading the office server's answers: a refusal's body, and the plain words for an answer
// that does not have the shape of the API (a proxy's page, a server of another version, a bug).
import { z } from 'zod';
import type { LocalizedText } from '../../../shared/domain/errors';
import type { ApiEndpoint } from '../../../shared/sync/api-endpoints';
import { apiErrorCodes, localizedTextSchema } from '../../../shared/sync/api-schemas';
import type { ApiErrorCode } from '../../../shared/sync/protocol';

/** What a refusal says; servers that predate `messages` sent English only. */
export type ErrorBody = { code?: ApiErrorCode; message?: string; messages?: LocalizedText };

/** The parts of a refusal's body that have the API's shape; the rest is ignored. */
export const errorBodyOf = (body: unknown): ErrorBody => {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = z.enum(apiErrorCodes).safeParse(fields.code);
  const message = z.string().safeParse(fields.message);
  const messages = localizedTextSchema.safeParse(fields.messages);
  return {
    ...(code.success ? { code: code.data } : {}),
    ...(message.success ? { message: message.data } : {}),
    ...(messages.success ? { messages: messages.data } : {}),
  };
};

/** Where in the answer the first problem is: `documents.3.id`, or the answer as a whole. */
const placeOf = (issue: z.core.$ZodIssue | null): LocalizedText => {
  if (issue === null) return { en: 'it is not JSON', it: 'non è JSON' };
  const field = issue.path.map(String).join('.').slice(0, 100);
  return field === ''
    ? { en: 'the answer as a whole', it: 'la risposta nel suo insieme' }
    : { en: `the field ${field}`, it: `il campo ${field}` };
};

/** A 2xx answer the device cannot read: the call failed, nothing of it is used. */
export const unreadableAnswer = (
  endpoint: ApiEndpoint,
  issue: z.core.$ZodIssue | null,
): LocalizedText => {
  const where = placeOf(issue);
  const call = `${endpoint.method} ${endpoint.path}`;
  return {
    en: `The office server sent an answer this app cannot read (${call}: ${where.en}). Nothing of it was used; sync tries again later. If it keeps happening, the server may run another version.`,
    it: `Il server della sede ha inviato una risposta che l'app non sa leggere (${call}: ${where.it}). Non ne è stato usato nulla; la sincronizzazione riprova più tardi. Se succede ancora, il server potrebbe avere un'altra versione.`,
  };
};
