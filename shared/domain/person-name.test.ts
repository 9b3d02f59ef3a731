import { describe, expect, it } from 'vitest';
import { personName } from './person-name';

describe('personName', () => {
  it('reads first name then last name', () => {
    expect(personName({ firstName: 'Anna', lastName: 'Rossi' })).toBe('Anna Rossi');
  });

  it('leaves out an empty or missing part without a stray space', () => {
    expect(personName({ firstName: '', lastName: 'Rossi' })).toBe('Rossi');
    expect(personName({ firstName: 'Anna', lastName: '' })).toBe('Anna');
    expect(personName({ lastName: 'Rossi' })).toBe('Rossi');
    expect(personName({ firstName: null, lastName: undefined })).toBe('');
    expect(personName({ firstName: '', lastName: '' })).toBe('');
    expect(personName({ firstName: '   ', lastName: '\t' })).toBe('');
  });

  it('reads extra spaces as one', () => {
    expect(personName({ firstName: '  Maria  Grazia ', lastName: ' De  Luca  ' })).toBe(
      'Maria Grazia De Luca',
    );
    expect(personName({ firstName: 'Anna\u00a0', lastName: '\nRossi' })).toBe('Anna Rossi');
  });
});
