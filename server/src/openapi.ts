// GET /api/openapi.json: the OpenAPI 3.1 description of the server, generated from the endpoint
// table and its zod schemas (shared/sync/api-endpoints.ts), so it cannot drift from what the
// server checks and the device reads.
import { z } from 'zod';
import type { ApiEndpoint } from '../../shared/sync/api-endpoints';
import { apiEndpoints } from '../../shared/sync/api-endpoints';
import { apiErrorSchema } from '../../shared/sync/api-schemas';

type JsonSchema = Record<string, unknown>;

/**
 * A schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without `$schema`: requests as the
 * client sends them (`input`), answers as the server writes them (`output`).
 */
export const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
};

/** `/api/sync/:collection/pull` → `/api/sync/{collection}/pull`. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z]+)/g, '{$1}');

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

// Each property of a params, query or headers object becomes one parameter.
const parametersOf = (schema: z.ZodType | undefined, where: 'path' | 'query' | 'header') => {
  if (schema === undefined) return [];
  const object = jsonSchemaOf(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
};

const success = (endpoint: ApiEndpoint) => {
  const produces = endpoint.produces ?? 'application/json';
  const schema = endpoint.response && jsonSchemaOf(endpoint.response, 'output');
  return {
    description:
      produces === 'text/event-stream' ? 'A stream of events, each event as the schema' : 'OK',
    ...(schema === undefined && produces === 'application/json'
      ? {}
      : { content: { [produces]: schema === undefined ? {} : { schema } } }),
  };
};

const operationOf = (name: string, endpoint: ApiEndpoint) => ({
  operationId: name,
  summary: endpoint.summary,
  ...(endpoint.auth === 'none' ? { security: [] } : {}),
  ...(endpoint.auth === 'admin' ? { description: 'Administrators only (403 for others).' } : {}),
  parameters: [
    ...parametersOf(endpoint.params, 'path'),
    ...parametersOf(endpoint.querystring, 'query'),
    ...parametersOf(endpoint.headers, 'header'),
  ],
  ...(endpoint.body === undefined
    ? {}
    : { requestBody: { required: true, content: json(jsonSchemaOf(endpoint.body, 'input')) } }),
  responses: {
    [String(endpoint.status ?? 200)]: success(endpoint),
    ...Object.fromEntries(
      endpoint.errors.map((status) => [
        String(status),
        { description: 'Error', content: json({ $ref: '#/components/schemas/ApiError' }) },
      ]),
    ),
  },
});

export const openApiDocument = (): JsonSchema => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, endpoint] of Object.entries(apiEndpoints) as [string, ApiEndpoint][]) {
    const path = openApiPath(endpoint.path);
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operationOf(name, endpoint) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fairlead office server',
      version: '1',
      description:
        'Sign-in, replication (RxDB replication protocol over HTTP), office administration and the public web opt-in form.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ApiError: jsonSchemaOf(apiErrorSchema, 'output') },
    },
    security: [{ bearer: [] }],
    paths,
  };
};
