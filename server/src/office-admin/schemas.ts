// Request shapes of the admin endpoints: types and sizes only; the office's checks
// (office.ts, catalog.ts, reference-data.ts…) then say in plain words what is wrong.
const noControl = '^[^\\u0000-\\u001f\\u007f-\\u009f]*$';
const line = (max: number) => ({ type: 'string', maxLength: max, pattern: noControl }) as const;
const body = (properties: Record<string, unknown>, required: string[]) =>
  ({ type: 'object', additionalProperties: false, required, properties }) as const;

export const adminSchemas = {
  id: body({ id: { type: 'string', minLength: 1, maxLength: 64, pattern: noControl } }, ['id']),
  code: body({ code: { type: 'string', minLength: 1, maxLength: 8 } }, ['code']),
  rate: body({ rate: { type: 'string', pattern: '^[0-9]{1,5}$' } }, ['rate']),
  newUser: body(
    {
      email: line(254),
      password: { type: 'string', maxLength: 1024 },
      role: line(20),
      team: line(100),
      name: line(200),
    },
    ['email', 'password', 'role'],
  ),
  role: body({ role: line(20) }, ['role']),
  team: body({ team: { anyOf: [line(100), { type: 'null' }] } }, ['team']),
  password: body({ password: { type: 'string', maxLength: 1024 } }, ['password']),
  disabled: body({ disabled: { type: 'boolean' } }, ['disabled']),
  name: body({ name: line(100) }, ['name']),
  price: body(
    {
      priceListId: line(64),
      productId: line(64),
      unitPrice: { type: 'number' },
    },
    ['priceListId', 'productId', 'unitPrice'],
  ),
  // A catalog of a few thousand lines; the body limit bounds it anyway.
  csv: body({ csv: { type: 'string', maxLength: 5_000_000 } }, ['csv']),
  currency: body({ name: line(100), minorDigits: { type: 'number' } }, ['name', 'minorDigits']),
  exchangeRate: body({ rate: { type: 'number' }, date: line(10) }, ['rate', 'date']),
  vatRate: body({ labelEn: line(100), labelIt: line(100), natura: line(10) }, [
    'labelEn',
    'labelIt',
  ]),
  company: { type: 'object' },
  auditQuery: {
    type: 'object',
    additionalProperties: false,
    properties: { before: { type: 'string', maxLength: 100 } },
  },
} as const;
