import { describe, expect, it } from 'vitest';
import { generateLeads } from '../dataset';
import { recordSchemas } from './records';
import { schemaIssueText } from './schema-issue';

const firstIssue = (doc: unknown) => {
  const parsed = recordSchemas.lead.safeParse(doc);
  return parsed.success ? undefined : parsed.error.issues[0];
};

describe("a schema's complaint in Italian", () => {
  it('keeps zod English and says the same in Italian, with Italian type names', () => {
    const lead = generateLeads(5, 1, ['owner-1']).next().value as Record<string, unknown>;
    const wrongType = schemaIssueText(firstIssue({ ...lead, company: 42 }));
    expect(wrongType.en).toMatch(/expected string/);
    expect(wrongType.it).toBe('deve essere di tipo testo');
    const { company: _company, ...withoutCompany } = lead;
    const missing = schemaIssueText(firstIssue(withoutCompany));
    expect(missing.it).toBe('il valore manca');
    expect(schemaIssueText(undefined)).toEqual({ en: 'invalid', it: 'non valido' });
  });

  it('names limits and unknown fields', () => {
    const issue = (code: string, extra: Record<string, unknown>) =>
      schemaIssueText({ code, path: [], message: 'English', input: 'x', ...extra } as never).it;
    expect(issue('too_big', { origin: 'string', maximum: 200 })).toBe('supera i 200 caratteri');
    expect(issue('too_big', { origin: 'array', maximum: 40 })).toBe('contiene più di 40 elementi');
    expect(issue('too_small', { origin: 'number', minimum: 0 })).toBe('deve essere almeno 0');
    expect(issue('unrecognized_keys', { keys: ['nickname'] })).toBe('campi non previsti: nickname');
    expect(issue('invalid_format', { format: 'regex' })).toBe('non ha il formato previsto');
    expect(issue('invalid_value', { values: ['a'] })).toBe('non è uno dei valori ammessi');
  });
});
