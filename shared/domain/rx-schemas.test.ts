import { describe, expect, it } from 'vitest';
import { collectionNames, recordTypes } from './records';
import {
  collectionIndexes,
  collectionSchemaOf,
  collectionSchemas,
  schemaVersions,
} from './rx-schemas';

describe('collection schemas from the record schemas', () => {
  it('has one schema per record type with id as primary key and bounded index fields', () => {
    const schemas = collectionSchemas();
    expect(Object.keys(schemas).sort()).toEqual([...recordTypes].sort());
    expect(Object.keys(collectionNames).length).toBeLessThanOrEqual(12);
    for (const type of recordTypes) {
      const schema = schemas[type];
      expect(schema.primaryKey).toBe('id');
      expect(schema.version).toBe(schemaVersions[type]);
      expect(schema).not.toHaveProperty('$schema');
      expect(schema.required).toContain('id');
      for (const field of new Set(collectionIndexes[type].flat())) {
        const property = schema.properties[field] ?? {};
        if (property['type'] === 'string') expect(property['maxLength']).toBeGreaterThan(0);
        expect(schema.required).toContain(field);
      }
    }
  });

  it('bounds enum index fields by their longest value', () => {
    expect(collectionSchemaOf('lead').properties['status']?.['maxLength']).toBe(
      'no_longer_interested'.length,
    );
  });

  it('refuses to index a nullable or unknown field', () => {
    expect(() => collectionSchemaOf('contact', ['accountId'])).toThrow(/cannot be indexed/);
    expect(() => collectionSchemaOf('contact', ['nope'])).toThrow(/does not exist/);
  });
});

describe('indexes and encryption at rest', () => {
  // Indexed fields stay readable on disk in the encrypted device store.
  const personal = new Set([
    'firstName',
    'lastName',
    'name',
    'company',
    'email',
    'phone',
    'mobile',
    'vatNumber',
    'taxCode',
    'pec',
    'address',
    'notes',
    'jobTitle',
    'searchTerms',
  ]);

  it('indexes no personal field of a lead, account or contact', () => {
    for (const type of ['lead', 'account', 'contact'] as const) {
      const fields = collectionIndexes[type].flat();
      expect(
        fields.filter((field) => personal.has(field)),
        type,
      ).toEqual([]);
    }
  });
});
