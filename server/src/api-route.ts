// Registers a route of the shared endpoint table (shared/sync/api-endpoints.ts): its request
// is checked against the endpoint's zod schemas before the handler runs, and a refused one is
// answered 400 with the reason in each UI language.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import type { ApiEndpoint } from '../../shared/sync/api-endpoints';
import { ApiFailure } from './errors';
import type { RequestPart } from './request-messages';
import { invalidRequest } from './request-messages';

type In<S> = S extends z.ZodType ? z.input<S> : unknown;
type Out<S> = S extends z.ZodType ? z.output<S> : unknown;

export type ApiRequest<E extends ApiEndpoint> = FastifyRequest<{
  Params: In<E['params']>;
  Querystring: In<E['querystring']>;
  Body: In<E['body']>;
}>;

/**
 * A JSON endpoint's handler answers its response type, or sends its own reply (another
 * status); one that streams or renders a page answers through `reply`.
 */
export type ApiHandler<E extends ApiEndpoint> = (
  request: ApiRequest<E>,
  reply: FastifyReply,
) => Promise<
  E['produces'] extends 'application/json' | undefined ? Out<E['response']> | FastifyReply : unknown
>;

const partsOf = (request: FastifyRequest): Record<RequestPart, unknown> => ({
  params: request.params,
  querystring: request.query,
  headers: request.headers,
  body: request.body,
});

/** The request's parts checked in the order Fastify's own schema check used. */
const order: readonly RequestPart[] = ['params', 'body', 'querystring', 'headers'];

export const checkRequest = (endpoint: ApiEndpoint, request: FastifyRequest): void => {
  const parts = partsOf(request);
  for (const part of order) {
    const schema = endpoint[part];
    if (schema === undefined) continue;
    // Only checked: the handler reads the request exactly as sent (a pushed document is
    // stored as pushed), so the parsed copy is not kept.
    const checked = schema.safeParse(parts[part]);
    if (!checked.success)
      throw new ApiFailure(400, 'bad_request', invalidRequest(checked.error.issues, part));
  }
};

export const apiRoute = <E extends ApiEndpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: ApiHandler<E>,
): void => {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    // A callback hook: an async one costs a promise on every request.
    preValidation: (request, _reply, done) => {
      try {
        checkRequest(endpoint, request);
      } catch (error) {
        done(error as Error);
        return;
      }
      done();
    },
    handler: handler as unknown as RouteHandlerMethod,
  });
};
