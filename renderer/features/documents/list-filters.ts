// Filters and columns of the quote, order and invoice lists: customer and owner names joined
// in, the document date, and whether an invoice is overdue (open past its due date).
import type { Account, Invoice, Order, Quote, Refdata } from '../../../shared/domain/records';

export type ListedDocument = Quote | Order | Invoice;

export type DocumentListFilters = {
  /** Words of the number, name or customer. */
  text: string;
  state: string;
  /** 'all', 'mine', or a team member's user id. */
  owner: string;
  /** Invoices only: open invoices past their due date. */
  overdueOnly: boolean;
};

export const noDocumentFilters: DocumentListFilters = {
  text: '',
  state: 'all',
  owner: 'all',
  overdueOnly: false,
};

export type DocumentListRow<T extends ListedDocument> = {
  doc: T;
  accountName: string;
  ownerName: string;
  /** Issue date of an invoice, creation day of a quote or order. */
  date: string;
  dueDate: string | null;
  overdue: boolean;
};

/** An invoice is overdue when it is still open (not paid, not canceled) after its due date. */
export const isOverdue = (doc: ListedDocument, today: string): boolean =>
  'dueDate' in doc && doc.state === 'active' && doc.dueDate < today;

export const ownerNamesOf = (members: readonly Refdata[]): Map<string, string> =>
  new Map(
    members.map((m) => {
      const name = m.data['name'];
      return [m.key, typeof name === 'string' && name !== '' ? name : m.key];
    }),
  );

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const documentRows = <T extends ListedDocument>(
  docs: readonly T[],
  accounts: readonly Account[],
  owners: ReadonlyMap<string, string>,
  filters: DocumentListFilters,
  context: { today: string; userId: string },
): DocumentListRow<T>[] => {
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const words = fold(filters.text).split(/\s+/).filter(Boolean);
  return docs
    .map((doc) => ({
      doc,
      accountName: doc.accountId === null ? '' : (names.get(doc.accountId) ?? ''),
      ownerName: owners.get(doc.ownerId) ?? '',
      date: 'issueDate' in doc ? doc.issueDate : doc.createdAt.slice(0, 10),
      dueDate: 'dueDate' in doc ? doc.dueDate : null,
      overdue: isOverdue(doc, context.today),
    }))
    .filter((row) => {
      if (filters.state !== 'all' && row.doc.state !== filters.state) return false;
      const owner = filters.owner === 'mine' ? context.userId : filters.owner;
      if (owner !== 'all' && row.doc.ownerId !== owner) return false;
      if (filters.overdueOnly && !row.overdue) return false;
      if (words.length === 0) return true;
      const haystack = fold(`${row.doc.number} ${row.doc.name} ${row.accountName}`);
      return words.every((w) => haystack.includes(w));
    });
};

/** Today's calendar day where the device is (a due date is a local day). */
export const localToday = (now = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
