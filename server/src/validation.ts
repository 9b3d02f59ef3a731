// Every pushed document is checked against its record schema and the lifecycle rules of
// shared/domain before anything is stored.
import type { Actor } from '../../shared/domain/context';
import type { AnyRecord, RecordType } from '../../shared/domain/records';
import { recordSchemas } from '../../shared/domain/records';
import type { RejectionCode } from '../../shared/sync/protocol';

export type Invalid = { code: RejectionCode; message: string; field?: string };
export type Checked = { ok: true; record: AnyRecord } | { ok: false; error: Invalid };

const wireOnly = new Set(['_deleted', '_meta', '_rev', '_attachments']);

/** The record part of a wire document (RxDB's bookkeeping fields removed). */
export const recordPart = (doc: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !wireOnly.has(key)));

/** Lifecycle rules; becomes shared/domain's validateChange once that module lands. */
const checkRules = (
  _type: RecordType,
  _before: AnyRecord | null,
  after: AnyRecord,
  _actor: Actor,
): Checked => ({ ok: true, record: after });

export const validateDocument = (
  type: RecordType,
  before: Record<string, unknown> | null,
  doc: Record<string, unknown>,
  actor: Actor,
): Checked => {
  const parsed = recordSchemas[type].safeParse(recordPart(doc));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    const message = `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid document'}`;
    return { ok: false, error: { code: 'invalid_document', message, ...(field ? { field } : {}) } };
  }
  const previous = before ? recordSchemas[type].safeParse(recordPart(before)) : null;
  return checkRules(type, previous?.success ? previous.data : null, parsed.data, actor);
};
