// Typed domain errors with a plain message in English and Italian, so the UI can show them
// and the server can return them per rejected row.

export type Locale = 'en' | 'it';

export type LocalizedText = Readonly<Record<Locale, string>>;

export type DomainError = {
  readonly code: string;
  readonly message: LocalizedText;
  /** The field the error is about, when there is one. */
  readonly field?: string;
};

export type Result<T, E = DomainError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = (code: string, en: string, it: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message: { en, it } } : { code, message: { en, it }, field },
});
