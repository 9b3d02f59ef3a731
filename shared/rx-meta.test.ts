import { describe, expect, it } from 'vitest';
import { withoutRxMeta } from './rx-meta';

const stored = {
  id: 'lead-1',
  topic: 'Linea bio',
  address: { _note: 'nested fields are the record’s', city: 'Asti' },
  _deleted: false,
  _rev: '3-abc',
  _meta: { lwt: 1 },
  _attachments: {},
};

describe('withoutRxMeta', () => {
  it('keeps _deleted for comparisons and the wire', () => {
    expect(withoutRxMeta(stored, 'keep')).toEqual({
      id: 'lead-1',
      topic: 'Linea bio',
      address: { _note: 'nested fields are the record’s', city: 'Asti' },
      _deleted: false,
    });
  });

  it('drops _deleted for validation and writes', () => {
    expect(withoutRxMeta({ ...stored, _deleted: true }, 'drop')).toEqual({
      id: 'lead-1',
      topic: 'Linea bio',
      address: { _note: 'nested fields are the record’s', city: 'Asti' },
    });
  });

  it('leaves the document itself untouched', () => {
    const doc = { ...stored };
    withoutRxMeta(doc, 'drop');
    expect(doc).toEqual(stored);
  });

  it('returns a document without bookkeeping as an equal copy', () => {
    const plain = { id: 'a', topic: 'b' };
    const out = withoutRxMeta(plain, 'keep');
    expect(out).toEqual(plain);
    expect(out).not.toBe(plain);
  });
});
