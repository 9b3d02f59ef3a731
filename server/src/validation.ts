// Every pushed document is checked against its record schema and the lifecycle rules of
// shared/domain (validateChange) before anything is stored.
import type { Actor } from '../../shared/domain/context';
import type { LocalizedText } from '../../shared/domain/errors';
import type { AnyRecord, RecordType } from '../../shared/domain/records';
import { recordSchemas } from '../../shared/domain/records';
import { schemaIssueText } from '../../shared/domain/schema-issue';
import { validateChange } from '../../shared/domain/validate-change';
import type { RejectionCode } from '../../shared/sync/protocol';

export type Invalid = { code: RejectionCode; message: LocalizedText; field?: string };
export type Checked = { ok: true; record: AnyRecord } | { ok: false; error: Invalid };

const wireOnly = new Set(['_deleted', '_meta', '_rev', '_attachments']);

/** The record part of a wire document (RxDB's bookkeeping fields removed). */
export const recordPart = (doc: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !wireOnly.has(key)));

/** Domain error codes (`change.*`) mapped to the wire's rejection codes. */
const rejectionCode = (domainCode: string): RejectionCode => {
  if (domainCode === 'change.invalid_document') return 'invalid_document';
  if (domainCode === 'change.illegal_deletion') return 'illegal_deletion';
  if (domainCode === 'change.unknown_field') return 'unknown_field';
  if (domainCode === 'change.read_only' || domainCode === 'change.catalog_forbidden')
    return 'read_only';
  return 'illegal_change';
};

/** Schema check only: for documents the office itself writes (catalog import, demo, erasure). */
export const validateSchema = (type: RecordType, doc: Record<string, unknown>): Checked => {
  const parsed = recordSchemas[type].safeParse(recordPart(doc));
  if (parsed.success) return { ok: true, record: parsed.data as AnyRecord };
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const detail = `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid document'}`;
  // zod's issue text is English: the Italian one comes from the issue's code.
  const message = {
    en: detail,
    it: `Documento non valido${field ? ` (campo ${field})` : ''}: ${schemaIssueText(issue).it}`,
  };
  return { ok: false, error: { code: 'invalid_document', message, ...(field ? { field } : {}) } };
};

/**
 * A `_` field other than `_deleted` in a pushed document: RxDB's replication sends no other
 * (it strips `_meta`, `_rev` and `_attachments`), so anything else is refused, not stored.
 */
const strayField = (doc: Record<string, unknown>): string | undefined =>
  Object.keys(doc).find((key) => key.startsWith('_') && key !== '_deleted');

/** Schema and lifecycle rules of a pushed change from `before` (null: new) to `doc`. */
export const validateDocument = (
  type: RecordType,
  before: Record<string, unknown> | null,
  doc: Record<string, unknown>,
  actor: Actor,
): Checked => {
  const stray = strayField(doc);
  if (stray !== undefined) {
    const field = stray.slice(0, 100);
    return {
      ok: false,
      error: {
        code: 'unknown_field',
        message: {
          en: `The field ${field} is not part of a record: only _deleted may travel with it.`,
          it: `Il campo ${field} non fa parte del record: solo _deleted può accompagnarlo.`,
        },
        field,
      },
    };
  }
  // The deletion flag of both sides takes part in the rules (deletion.ts).
  const previous = before
    ? ({ ...recordPart(before), _deleted: before._deleted === true } as AnyRecord & {
        _deleted: boolean;
      })
    : null;
  const result = validateChange(type, previous, doc, actor);
  if (result.ok) return { ok: true, record: result.value };
  const { code, message, field } = result.error;
  return {
    ok: false,
    error: { code: rejectionCode(code), message, ...(field ? { field } : {}) },
  };
};
