// /api/openapi.json is generated from the endpoint table: it lists every route the server
// registers, and each schema in it is z.toJSONSchema of the shared zod schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiEndpoint } from '../../shared/sync/api-endpoints';
import { apiEndpoints } from '../../shared/sync/api-endpoints';
import { apiErrorSchema } from '../../shared/sync/api-schemas';
import type { FairleadServer } from '../src/app';
import type { Place } from './harness';
import { freshPlace, startServer } from './harness';

type Json = Record<string, unknown>;
type Operation = {
  parameters: { name: string; in: string; schema: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
};

const toJson = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as Json;
  return rest;
};

/** "METHOD /path" of each route in Fastify's own listing (HEAD is added for each GET). */
const registeredRoutes = (listing: string): string[] => {
  const found: string[] = [];
  const prefixes: string[] = [];
  for (const line of listing.split('\n')) {
    const match = /^([│ ├└─]*)(\/\S*)(?: \(([^)]*)\))?$/.exec(line);
    if (match === null) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (prefixes[depth - 1] ?? '') + (match[2] ?? '');
    prefixes[depth] = path;
    for (const method of (match[3] ?? '').split(', ')) {
      if (method !== '' && method !== 'HEAD' && method !== '-') found.push(`${method} ${path}`);
    }
  }
  return found;
};

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

describe('the OpenAPI document', () => {
  let place: Place;
  let server: FairleadServer;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    place = await freshPlace('sqlite');
    server = await startServer(place);
    doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as typeof doc;
  });
  afterAll(async () => {
    await server.close();
    await place.drop();
  });

  it('lists exactly the routes the server registers', () => {
    const routes = registeredRoutes(server.app.printRoutes({ commonPrefix: false }));
    expect(routes.length).toBeGreaterThan(30);
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      routes.map((r) => r.replace(/ (.*)$/, (_all, p: string) => ` ${openApiPath(p)}`)).sort(),
    );
    expect(documented).toEqual(
      expect.arrayContaining(['POST /api/admin/users', 'GET /api/admin/audit', 'GET /health']),
    );
  });

  it('holds z.toJSONSchema of each shared schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const [name, endpoint] of Object.entries(apiEndpoints) as [string, ApiEndpoint][]) {
      const operation = doc.paths[openApiPath(endpoint.path)]?.[endpoint.method.toLowerCase()];
      expect(operation, name).toBeDefined();
      if (operation === undefined) continue;
      const body = operation.requestBody?.content['application/json']?.schema;
      expect(body, name).toEqual(endpoint.body && toJson(endpoint.body, 'input'));
      const ok = operation.responses[String(endpoint.status ?? 200)];
      const answer = ok?.content?.[endpoint.produces ?? 'application/json']?.schema;
      expect(answer, name).toEqual(endpoint.response && toJson(endpoint.response, 'output'));
      for (const [part, where] of [
        ['params', 'path'],
        ['querystring', 'query'],
        ['headers', 'header'],
      ] as const) {
        const schema = endpoint[part];
        const properties = schema ? ((toJson(schema, 'input').properties ?? {}) as Json) : {};
        const listed = operation.parameters.filter((p) => p.in === where);
        expect(
          Object.fromEntries(listed.map((p) => [p.name, p.schema])),
          `${name} ${part}`,
        ).toEqual(properties);
      }
      for (const status of endpoint.errors) {
        expect(operation.responses[String(status)], `${name} ${status}`).toBeDefined();
      }
    }
  });

  it('describes the error body once, from its schema', async () => {
    const full = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      components: { schemas: Record<string, Json> };
    };
    expect(full.components.schemas.ApiError).toEqual(toJson(apiErrorSchema, 'output'));
  });
});
