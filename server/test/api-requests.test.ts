// The server refuses every request the shared API schemas refuse (shared/sync/api-endpoints.ts),
// with 400 and the reason in English and Italian, before it reads anything else. The schema
// checks do not touch the storage, so they run on SQLite only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEndpoint } from '../../shared/sync/api-endpoints';
import { apiEndpoints } from '../../shared/sync/api-endpoints';
import type { ApiError } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import type { RequestPart } from '../src/request-messages';
import { invalidRequest } from '../src/request-messages';
import type { Client, Place } from './harness';
import { freshPlace, PASSWORD, seedOffice, signIn, startServer } from './harness';

type Name = keyof typeof apiEndpoints;
type Case = {
  what: string;
  endpoint: Name;
  /** The address as sent (a path parameter or query string to refuse), else the endpoint's. */
  url?: string;
  part: RequestPart;
  /** What the server sees in that part. */
  value: unknown;
  headers?: Record<string, string>;
};

const huge = 'x'.repeat(200_000);
const login = { email: 'anna@north.example', password: PASSWORD, deviceName: 'laptop' };
const row = { newDocumentState: { id: 'l1', ownerId: 'o', _deleted: false } };

const cases: Case[] = [
  { what: 'wrong type', endpoint: 'login', part: 'body', value: { ...login, email: 7 } },
  { what: 'missing field', endpoint: 'login', part: 'body', value: { email: login.email } },
  { what: 'extra huge field', endpoint: 'login', part: 'body', value: { ...login, junk: huge } },
  { what: 'too long', endpoint: 'login', part: 'body', value: { ...login, password: huge } },
  { what: 'wrong type', endpoint: 'renameDevice', part: 'body', value: { name: 7 } },
  { what: 'missing field', endpoint: 'renameDevice', part: 'body', value: {} },
  { what: 'extra field', endpoint: 'renameDevice', part: 'body', value: { name: 'x', j: huge } },
  {
    what: 'not a number',
    endpoint: 'pull',
    url: '/api/sync/leads/pull?limit=abc',
    part: 'querystring',
    value: { limit: 'abc' },
  },
  {
    what: 'extra huge parameter',
    endpoint: 'pull',
    url: `/api/sync/leads/pull?junk=${'y'.repeat(5000)}`,
    part: 'querystring',
    value: { junk: 'y'.repeat(5000) },
  },
  {
    what: 'too long collection',
    endpoint: 'pull',
    url: `/api/sync/${'c'.repeat(41)}/pull`,
    part: 'params',
    value: { collection: 'c'.repeat(41) },
  },
  {
    what: 'too long collection',
    endpoint: 'push',
    url: `/api/sync/${'c'.repeat(41)}/push`,
    part: 'params',
    value: { collection: 'c'.repeat(41) },
  },
  { what: 'not a list', endpoint: 'push', part: 'body', value: { rows: [] } },
  { what: 'missing field', endpoint: 'push', part: 'body', value: [{}] },
  {
    what: 'wrong type',
    endpoint: 'push',
    part: 'body',
    value: [{ newDocumentState: { id: 1, _deleted: false } }],
  },
  { what: 'extra huge field', endpoint: 'push', part: 'body', value: [{ ...row, junk: huge }] },
  {
    what: 'control character in an id',
    endpoint: 'push',
    part: 'body',
    value: [{ newDocumentState: { id: 'a\u0000b', _deleted: false } }],
  },
  {
    what: 'too long epoch header',
    endpoint: 'push',
    part: 'headers',
    value: null,
    headers: { 'x-fairlead-epoch': 'e'.repeat(65) },
  },
  { what: 'wrong type', endpoint: 'addUser', part: 'body', value: { email: 1 } },
  { what: 'missing field', endpoint: 'addUser', part: 'body', value: { email: 'x@y.example' } },
  {
    what: 'extra huge field',
    endpoint: 'addUser',
    part: 'body',
    value: { email: 'x@y.example', password: PASSWORD, role: 'seller', junk: huge },
  },
  { what: 'wrong type', endpoint: 'setRole', part: 'body', value: { role: ['admin'] } },
  {
    what: 'control character in the id',
    endpoint: 'setTeam',
    url: '/api/admin/users/a%01b/team',
    part: 'params',
    value: { id: 'a\u0001b' },
  },
  {
    what: 'too long id',
    endpoint: 'setRole',
    url: `/api/admin/users/${'i'.repeat(65)}/role`,
    part: 'params',
    value: { id: 'i'.repeat(65) },
  },
  {
    what: 'too long id',
    endpoint: 'resetPassword',
    url: `/api/admin/users/${'i'.repeat(65)}/password`,
    part: 'params',
    value: { id: 'i'.repeat(65) },
  },
  {
    what: 'too long id',
    endpoint: 'setDisabled',
    url: `/api/admin/users/${'i'.repeat(65)}/disabled`,
    part: 'params',
    value: { id: 'i'.repeat(65) },
  },
  {
    what: 'too long code',
    endpoint: 'setCurrency',
    url: '/api/admin/currencies/ABCDEFGHI',
    part: 'params',
    value: { code: 'ABCDEFGHI' },
  },
  { what: 'wrong type', endpoint: 'setTeam', part: 'body', value: { team: 5 } },
  { what: 'missing field', endpoint: 'resetPassword', part: 'body', value: {} },
  { what: 'wrong type', endpoint: 'setDisabled', part: 'body', value: { disabled: 'yes' } },
  { what: 'missing field', endpoint: 'addTeam', part: 'body', value: {} },
  { what: 'too long', endpoint: 'disableTeam', part: 'body', value: { name: huge } },
  {
    what: 'control character in the id',
    endpoint: 'revokeDevice',
    url: '/api/admin/devices/a%0Ab/revoke',
    part: 'params',
    value: { id: 'a\nb' },
  },
  {
    what: 'wrong type',
    endpoint: 'setPrice',
    part: 'body',
    value: { priceListId: 'l', productId: 'p', unitPrice: '1' },
  },
  { what: 'wrong type', endpoint: 'importCatalog', part: 'body', value: { csv: 5 } },
  {
    what: 'wrong type',
    endpoint: 'setCurrency',
    part: 'body',
    value: { name: 'Franc', minorDigits: '2' },
  },
  {
    what: 'too long code',
    endpoint: 'setExchangeRate',
    url: '/api/admin/exchange-rates/ABCDEFGHI',
    part: 'params',
    value: { code: 'ABCDEFGHI' },
  },
  { what: 'missing field', endpoint: 'setExchangeRate', part: 'body', value: { rate: 1 } },
  {
    what: 'not a rate',
    endpoint: 'setVatRate',
    url: '/api/admin/vat-rates/22.5',
    part: 'params',
    value: { rate: '22.5' },
  },
  { what: 'wrong type', endpoint: 'setVatRate', part: 'body', value: { labelEn: 1, labelIt: 'x' } },
  { what: 'not an object', endpoint: 'setCompany', part: 'body', value: 'ACME' },
  {
    what: 'too long',
    endpoint: 'audit',
    url: `/api/admin/audit?before=${'b'.repeat(101)}`,
    part: 'querystring',
    value: { before: 'b'.repeat(101) },
  },
  { what: 'wrong type', endpoint: 'erasure', part: 'body', value: { email: 5 } },
  { what: 'not a format', endpoint: 'subjectExport', part: 'body', value: { format: 'pdf' } },
];

/** The endpoint's address with its path parameters filled in. */
const urlOf = (endpoint: ApiEndpoint): string =>
  endpoint.path
    .replace(':collection', 'leads')
    .replace(':rate', '2200')
    .replace(':code', 'CHF')
    .replace(':id', 'X1');

describe('requests the shared schemas refuse', () => {
  let place: Place;
  let server: FairleadServer;
  let admin: Client;

  beforeAll(async () => {
    place = await freshPlace('sqlite');
    server = await startServer(place);
    const office = await seedOffice(server);
    admin = await signIn(server, office.admin.email);
  });
  afterAll(async () => {
    await server.close();
    await place.drop();
  });

  it('covers every endpoint that takes a body, a path parameter or a query', () => {
    const covered = new Set(cases.map((c) => `${c.endpoint} ${c.part}`));
    for (const [name, endpoint] of Object.entries(apiEndpoints) as [Name, ApiEndpoint][]) {
      for (const part of ['body', 'params', 'querystring'] as const) {
        if (endpoint[part] !== undefined)
          expect(covered, `${name} ${part}`).toContain(`${name} ${part}`);
      }
    }
  });

  it.each(cases)('$endpoint: $what in the $part', async (c) => {
    const endpoint: ApiEndpoint = apiEndpoints[c.endpoint];
    const schema = endpoint[c.part];
    expect(schema, 'the endpoint checks that part').toBeDefined();
    // Headers are the whole set a fetch sends: only the server's answer is checked.
    const checked = c.part === 'headers' ? undefined : schema?.safeParse(c.value);
    if (c.part !== 'headers') expect(checked?.success, 'the shared schema refuses it').toBe(false);

    const body =
      c.part === 'body' ? JSON.stringify(c.value) : c.part === 'headers' ? '[]' : undefined;
    const res = await fetch(`${server.url}${c.url ?? urlOf(endpoint)}`, {
      method: endpoint.method,
      headers: {
        authorization: `Bearer ${admin.login.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...c.headers,
      },
      ...(body === undefined ? {} : { body }),
    });
    const answer = (await res.json()) as ApiError;
    expect(res.status, JSON.stringify(answer)).toBe(400);
    expect(answer.code).toBe('bad_request');
    expect(answer.message).toBe(answer.messages.en);
    expect(answer.messages.en).toMatch(/^The request is not valid \(/);
    expect(answer.messages.it).toMatch(/^La richiesta non è valida \(/);
    if (checked !== undefined && !checked.success) {
      // The words come from the very issue the shared schema reports.
      expect(answer.messages).toEqual(invalidRequest(checked.error.issues, c.part));
    } else {
      expect(answer.messages.en).toContain('x-fairlead-epoch');
    }
    expect(answer.messages.en.length).toBeLessThan(400);
  });

  it('checks the request before the session: a bad body without a token is still a 400', async () => {
    const res = await fetch(`${server.url}/api/devices/current`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 7 }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiError).messages).toEqual({
      en: 'The request is not valid (the request body): name must be of type string.',
      it: 'La richiesta non è valida (il corpo della richiesta): il campo name deve essere di tipo testo.',
    });
  });
});
