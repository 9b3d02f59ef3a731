// GET /api/openapi.json: a hand-written OpenAPI 3.1 description of the sync API.
import { syncCollections } from '../../shared/sync/protocol';

const error = { $ref: '#/components/schemas/ApiError' };
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: 'Error', content: { 'application/json': { schema: error } } },
    ]),
  );
const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const bearer = [{ bearer: [] }];
const collectionParam = {
  name: 'collection',
  in: 'path',
  required: true,
  schema: { type: 'string', enum: [...syncCollections] },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Fairlead sync server',
    version: '1',
    description:
      'Replication endpoints for Fairlead devices (RxDB replication protocol over HTTP).',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      LocalizedText: {
        type: 'object',
        description: 'The same text in each UI language.',
        required: ['en', 'it'],
        properties: { en: { type: 'string' }, it: { type: 'string' } },
      },
      ApiError: {
        type: 'object',
        required: ['code', 'message', 'messages'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string', description: 'In English.' },
          messages: { $ref: '#/components/schemas/LocalizedText' },
        },
      },
      Checkpoint: {
        type: 'object',
        required: ['seq'],
        properties: {
          seq: { type: 'integer', minimum: 0 },
          epoch: { type: 'string', description: 'The server history the seq belongs to' },
        },
      },
      WireDocument: {
        type: 'object',
        required: ['id', '_deleted'],
        properties: { id: { type: 'string' }, _deleted: { type: 'boolean' } },
        additionalProperties: true,
      },
      RejectedRow: {
        type: 'object',
        required: ['id', 'code', 'message', 'messages'],
        properties: {
          id: { type: 'string' },
          code: {
            type: 'string',
            enum: [
              'invalid_document',
              'illegal_change',
              'forbidden',
              'read_only',
              'not_owner',
              'wrong_collection',
              'malformed_number',
              'foreign_series',
              'number_taken',
              'illegal_deletion',
              'unknown_field',
            ],
          },
          message: { type: 'string', description: 'In English.' },
          messages: { $ref: '#/components/schemas/LocalizedText' },
          field: { type: 'string' },
        },
      },
    },
  },
  paths: {
    '/health': {
      get: {
        summary: 'Liveness and storage check',
        responses: { '200': json({ type: 'object' }) },
      },
    },
    '/api/auth/login': {
      post: {
        summary: 'Sign in and register the device; returns a token and the device numbering series',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['email', 'password', 'deviceName'],
                properties: {
                  email: { type: 'string' },
                  password: { type: 'string' },
                  deviceName: { type: 'string', description: 'A label for the device' },
                  installationId: {
                    type: 'string',
                    description: 'The random id the device made at its first start; identifies it',
                  },
                  knownDeviceId: {
                    type: 'string',
                    description: 'The device id of an earlier session of this installation',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': json({
            type: 'object',
            required: ['token', 'expiresAt', 'user', 'device'],
            properties: {
              token: { type: 'string' },
              expiresAt: { type: 'string', format: 'date-time' },
              user: { type: 'object' },
              device: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  name: { type: 'string' },
                  series: { type: 'string' },
                  lastNumbers: { type: 'object' },
                },
              },
            },
          }),
          ...errors(400, 401, 429),
        },
      },
    },
    '/api/devices/current': {
      put: {
        summary: 'Rename the device of this session (its series stays)',
        security: bearer,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          '200': json({
            type: 'object',
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              series: { type: 'string' },
            },
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    '/api/auth/refresh': {
      post: {
        summary: 'A fresh token with a new expiry for the signed-in device (no password)',
        security: bearer,
        responses: {
          '200': json({
            type: 'object',
            required: ['token', 'expiresAt'],
            properties: { token: { type: 'string' }, expiresAt: { type: 'string' } },
          }),
          ...errors(401),
        },
      },
    },
    '/api/auth/logout': {
      post: {
        summary: 'Revoke the current token',
        security: bearer,
        responses: { '200': json({ type: 'object' }), ...errors(401) },
      },
    },
    '/api/sync/{collection}/pull': {
      get: {
        summary: 'Documents changed after a checkpoint, in server sequence order',
        security: bearer,
        parameters: [
          collectionParam,
          {
            name: 'checkpoint',
            in: 'query',
            schema: { type: 'string' },
            description: 'JSON of the last checkpoint',
          },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        ],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              documents: { type: 'array', items: { $ref: '#/components/schemas/WireDocument' } },
              checkpoint: {
                anyOf: [{ $ref: '#/components/schemas/Checkpoint' }, { type: 'null' }],
              },
              remaining: {
                type: 'integer',
                minimum: 0,
                description:
                  'Documents visible to this user with a sequence after the returned checkpoint (0 when caught up)',
              },
              epoch: { type: 'string', description: "The server's current epoch" },
              reset: {
                type: 'boolean',
                description:
                  'The checkpoint is from another history (the server was restored): pull again from the start and push what the server lacks',
              },
              removed: {
                type: 'array',
                items: { type: 'string' },
                description:
                  'Ids of documents this user saw and no longer may (given to another seller or team): remove them from the device',
              },
            },
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    '/api/sync/{collection}/push': {
      post: {
        summary:
          'Write documents; returns the master of each conflicting row and each rejected row',
        security: bearer,
        parameters: [
          collectionParam,
          {
            name: 'X-Fairlead-Epoch',
            in: 'header',
            required: false,
            schema: { type: 'string', maxLength: 64 },
            description:
              'The epoch the rows were synced in; another one answers 409 epoch_changed (the server was restored)',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'array',
                maxItems: 1000,
                items: {
                  type: 'object',
                  required: ['newDocumentState'],
                  properties: {
                    newDocumentState: { $ref: '#/components/schemas/WireDocument' },
                    assumedMasterState: {
                      anyOf: [{ $ref: '#/components/schemas/WireDocument' }, { type: 'null' }],
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': json({
            type: 'object',
            properties: {
              conflicts: { type: 'array', items: { $ref: '#/components/schemas/WireDocument' } },
              rejected: { type: 'array', items: { $ref: '#/components/schemas/RejectedRow' } },
            },
          }),
          ...errors(400, 401, 404, 409, 413),
        },
      },
    },
    '/api/sync/stream': {
      get: {
        summary:
          'Server-Sent Events: {collection, checkpoint} whenever a visible collection changes',
        security: bearer,
        responses: { '200': { description: 'text/event-stream' }, ...errors(401) },
      },
    },
  },
} as const;
