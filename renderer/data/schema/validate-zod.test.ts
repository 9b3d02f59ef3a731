import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RxJsonSchema } from 'rxdb';
import { generateLeads } from '../../../shared/dataset';
import type { Lead } from '../../../shared/domain/records';
import { collectionSchemaOf } from '../../../shared/domain/rx-schemas';
import { schemaViolationError } from '../store-error';
import { zodValidatorFor } from './validate-zod';

const leadSchema = collectionSchemaOf('lead') as unknown as RxJsonSchema<unknown>;
const sampleLead = (): Lead => generateLeads(11, 1, ['owner-1']).next().value as Lead;

describe('zod validation of stored documents', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('validates without generating code, as the desktop CSP (no unsafe-eval) requires', () => {
    // Any attempt to compile code at run time fails here, as it does under the app's CSP.
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    });
    const validate = zodValidatorFor(leadSchema);
    expect(validate({ ...sampleLead(), _deleted: false, _rev: '1-a', _meta: { lwt: 1 } })).toEqual(
      [],
    );
    const errors = validate({ ...sampleLead(), rating: 'lukewarm' });
    expect(errors.map((e) => e.field)).toEqual(['rating']);
  });

  it('names the field and the reason in plain words', () => {
    const validate = zodValidatorFor(leadSchema);
    const { email: _missing, ...withoutEmail } = sampleLead();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [withoutEmail, 'email', /email is missing/],
      [{ ...sampleLead(), nickname: 'x' }, 'nickname', /nickname is not a field/],
      [{ ...sampleLead(), topic: 'x'.repeat(201) }, 'topic', /longer than 200 characters/],
      [{ ...sampleLead(), address: { country: 'ITA' } }, 'address.country', /longer than 2/],
      [{ ...sampleLead(), budget: 'lots' }, 'budget', /must be of type/],
    ];
    for (const [doc, field, reason] of cases) {
      const error = schemaViolationError('leads', 'id-1', validate(doc));
      expect(error.field).toBe(field);
      expect(error.message).toMatch(reason);
    }
  });

  it('leaves an older schema version alone: its data is only read while migrating', () => {
    const old = { ...leadSchema, version: 0 } as RxJsonSchema<unknown>;
    expect(zodValidatorFor(old)({ anything: true })).toEqual([]);
  });
});
