// Row ↔ object mapping shared by both adapters (column names are the same in both schemas).
import type { Role } from '../../../shared/domain/context';
import type {
  NumberingHighWater,
  SyncCollection,
  WireDocument,
} from '../../../shared/sync/protocol';
import type { Device, LoginCounter, Session, StoredDoc, Team, User } from './types';

type Row = Record<string, unknown>;

const str = (v: unknown): string => String(v);
const optStr = (v: unknown): string | null => (v == null ? null : String(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';

export const toTeam = (r: Row): Team => ({
  id: str(r.id),
  name: str(r.name),
  createdAt: str(r.created_at),
});

export const toUser = (r: Row): User => ({
  id: str(r.id),
  email: str(r.email),
  name: str(r.name),
  role: str(r.role) as Role,
  teamId: optStr(r.team_id),
  passwordHash: str(r.password_hash),
  disabled: bool(r.disabled),
  createdAt: str(r.created_at),
});

export const toDevice = (r: Row): Device => ({
  id: str(r.id),
  userId: str(r.user_id),
  name: str(r.name),
  series: str(r.series),
  createdAt: str(r.created_at),
  installationId: optStr(r.installation_id),
});

export const toSession = (r: Row): Session => ({
  tokenHash: str(r.token_hash),
  userId: str(r.user_id),
  deviceId: str(r.device_id),
  expiresAt: str(r.expires_at),
  revoked: bool(r.revoked),
});

/**
 * A stored document row. The document is parsed when first read: a pull sends the stored
 * text as it is (sync/routes.ts), and parsing then serializing again every document of every
 * page was most of a pull's work on the server.
 */
export const toStoredDoc = (r: Row): StoredDoc => {
  const text = str(r.doc);
  let doc: WireDocument | undefined;
  return {
    collection: str(r.collection) as SyncCollection,
    id: str(r.id),
    seq: Number(r.seq),
    ownerId: str(r.owner_id),
    teamId: optStr(r.team_id),
    deleted: bool(r.deleted),
    updatedAt: str(r.updated_at),
    get doc(): WireDocument {
      return (doc ??= JSON.parse(text) as WireDocument);
    },
    text,
  };
};

export const toHighWater = (rows: Row[]): NumberingHighWater => {
  const hw = { quote: 0, order: 0, invoice: {}, creditNote: {} } satisfies NumberingHighWater;
  for (const r of rows) {
    const seq = Number(r.seq);
    if (r.kind === 'quote') hw.quote = seq;
    else if (r.kind === 'order') hw.order = seq;
    else if (r.kind === 'invoice') (hw.invoice as Record<string, number>)[str(r.year)] = seq;
    else if (r.kind === 'creditNote') (hw.creditNote as Record<string, number>)[str(r.year)] = seq;
  }
  return hw;
};

/** A JSON-serializable text of a doc for storage; the doc is stored exactly as pushed. */
export const docText = (doc: WireDocument): string => JSON.stringify(doc);

export const toLoginCounter = (r: Row): LoginCounter => ({
  failures: Number(r.failures),
  since: Number(r.since),
  lockedUntil: Number(r.locked_until),
});
