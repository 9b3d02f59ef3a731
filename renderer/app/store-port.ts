// What the UI needs from the device store, in one typed port. bootstrap.ts fills it from
// renderer/data; feature hooks (queries.ts, commands.ts) are its only users.
import type { Observable } from 'rxjs';
import type { Company } from '../../shared/domain/company';
import type { DuplicateCandidate } from '../../shared/domain/duplicates';
import type { CaptureDraft, CaptureDuplicate } from '../../shared/domain/capture-duplicates';
import type { CommandLineEdit } from '../data/commands';
import type { DashboardSource } from '../data/queries/dashboard';
import type { Result } from '../../shared/domain/errors';
import type {
  Account,
  Activity,
  Contact,
  HeaderDiscount,
  Invoice,
  Lead,
  LeadDisqualifyReason,
  Opportunity,
  OpportunityStage,
  Order,
  PriceList,
  Product,
  Quote,
  Refdata,
  RegardingType,
  TradeFair,
} from '../../shared/domain/records';
import type { TradeFairInput, TradeFairPatch } from '../../shared/domain/trade-fair';
import type { LeadInput, LeadPatch } from '../../shared/domain/lead';
import type { AccountPatch } from '../../shared/domain/account';
import type { ContactPatch } from '../../shared/domain/contact';
import type { WithdrawalChannel } from '../../shared/domain/consent';
import type { CreditNoteInput } from '../../shared/domain/credit-note';
import type { RecordPaymentInput } from '../../shared/domain/payment';
import type { CreditNoteIssued } from '../data/commands';
import type { EmailEnquiryInput } from '../../shared/domain/email-enquiry';
import type { EmailEnquiryResult } from '../data/commands/lead';
import type { ImportOptions, PlannedRow } from '../../shared/import/lead-import';
import type { LeadImportReport, LeadImportWrite } from '../data/lead-import';
import type { OpportunityPatch } from '../../shared/domain/opportunity';
import type { SessionUser } from '../../shared/sync/protocol';
import type { SyncStatus } from '../data/sync/status';
import type { PasswordVerdict } from '../data/device/password-check';
import type { OfficeAdminClient } from '../data/office/admin-client';
import type { LeadFilters } from './ui-store';

export type CatalogHit = {
  product: Product;
  priceList: PriceList | null;
  unitPrice: number | null;
};

export type SearchKind =
  'lead' | 'account' | 'contact' | 'opportunity' | 'quote' | 'order' | 'invoice';
export type SearchResult = { kind: SearchKind; id: string; title: string; subtitle: string };

export type PipelineColumn = {
  stage: OpportunityStage;
  opportunities: Opportunity[];
  total: number;
};
export type Pipeline = { currency: string; columns: PipelineColumn[] };

/** What the manager's dashboard reads: the team's records as this device has them. */
export type TeamRecords = {
  opportunities: Opportunity[];
  leads: Lead[];
  activities: Activity[];
  invoices: Invoice[];
  /** Exchange rates and team members (reference data). */
  refdata: Refdata[];
};

export type DocumentFilter = { opportunityId?: string; accountId?: string };

export type PartyChoice = { mode: 'create' } | { mode: 'none' } | { mode: 'link'; id: string };

export type QuotePatch = {
  name?: string;
  headerDiscount?: HeaderDiscount | null;
  freight?: number;
  validFrom?: string | null;
  validTo?: string | null;
  paymentTerms?: string;
  deliveryTerms?: string;
};

export type NewActivity = {
  type: Exclude<Activity['type'], 'system'>;
  regardingType: RegardingType;
  regardingId: string;
  subject: string;
  body: string;
  due: string | null;
};

type R<T> = Promise<Result<T>>;

/** One window of the lead list: the first `limit` rows, and how many match in all. */
export type LeadPage = {
  rows: Lead[];
  /** Every matching lead; null when no index counts these filters together. */
  total: number | null;
  /** More leads match than `rows` holds: ask again with a larger limit. */
  hasMore: boolean;
};

export type StoreQueries = {
  /** The first `limit` leads matching the filters (newest first, or by relevance with text). */
  leads(filters: LeadFilters, limit: number): Observable<LeadPage>;
  lead(id: string): Observable<Lead | null>;
  /** Every lead matching the filters, in list order, once (for an export). */
  leadsToExport(filters: LeadFilters): Promise<Lead[]>;
  duplicates(lead: Lead): Observable<DuplicateCandidate[]>;
  /** Likely duplicates of a lead being typed in (email, phone, name at the company…). */
  captureDuplicates(draft: CaptureDraft): Observable<CaptureDuplicate[]>;
  accounts(text: string): Observable<Account[]>;
  account(id: string): Observable<Account | null>;
  contacts(text: string): Observable<Contact[]>;
  contact(id: string): Observable<Contact | null>;
  contactsOfAccount(accountId: string): Observable<Contact[]>;
  opportunities(filter: {
    text?: string;
    accountId?: string;
    contactId?: string;
  }): Observable<Opportunity[]>;
  opportunity(id: string): Observable<Opportunity | null>;
  pipeline(): Observable<Pipeline>;
  quotes(filter: DocumentFilter): Observable<Quote[]>;
  quote(id: string): Observable<Quote | null>;
  orders(filter: DocumentFilter): Observable<Order[]>;
  order(id: string): Observable<Order | null>;
  invoices(filter: DocumentFilter): Observable<Invoice[]>;
  invoice(id: string): Observable<Invoice | null>;
  /** The accounts among `ids` that are on the device (customers of listed documents). */
  accountsByIds(ids: readonly string[]): Observable<Account[]>;
  /** Office reference data of one kind (team members, for the lists' owner names). */
  refdataOfKind(kind: string): Observable<Refdata[]>;
  timeline(type: RegardingType, id: string): Observable<Activity[]>;
  catalog(query: string, priceListId: string | null, currency: string): Observable<CatalogHit[]>;
  priceLists(currency: string): Observable<PriceList[]>;
  search(query: string): Observable<SearchResult[]>;
  /** The office's legal identity from reference data; null until the office sets it. */
  company(): Observable<Company | null>;
  /** The office's VAT rates (reference data kind `vat_rate`). */
  vatRates(): Observable<Refdata[]>;
  /** A colleague's display name, null when the office has not published it. */
  teamMemberName(userId: string): Observable<string | null>;
  /** Every record the dashboard sums (the manager's device holds the team's): a full read. */
  teamRecords(): Observable<TeamRecords>;
  /** The dashboard's sums, kept up to date change by change (what the dashboard reads). */
  dashboard(): Observable<DashboardSource>;
  /** Every trade fair on the device, by first day. */
  tradeFairs(): Observable<TradeFair[]>;
  /** How many leads each fair brought, by fair id. */
  leadCountsByFair(): Observable<Record<string, number>>;
};

export type StoreCommands = {
  lead: {
    create(input: LeadInput): R<Lead>;
    update(id: string, patch: LeadPatch): R<Lead>;
    qualify(
      id: string,
      choice: { account: PartyChoice; contact: PartyChoice },
    ): R<{ opportunityId: string }>;
    disqualify(id: string, reason: LeadDisqualifyReason): R<Lead>;
    reactivate(id: string): R<Lead>;
    withdrawConsent(id: string, how: WithdrawalChannel): R<Lead>;
    /** Deletes the lead where the deletion table allows it; answers its id. */
    remove(id: string): R<string>;
    /** An .eml enquiry: lands on the sender's lead or contact, or makes a new lead. */
    fromEmail(input: EmailEnquiryInput): R<EmailEnquiryResult>;
    /** A lead read from a business card, keeping the compressed card image. */
    createFromCard(input: { lead: LeadInput; cardImage: string; subject: string }): R<Lead>;
  };
  leadImport: {
    /** Each row checked by the lead rules and looked up for duplicates; nothing is written. */
    plan(
      rows: readonly { line: number; cells: readonly string[] }[],
      options: ImportOptions,
    ): R<PlannedRow[]>;
    /** Writes the rows in bulk; `onProgress` gets the rows done so far. */
    write(
      rows: readonly LeadImportWrite[],
      onProgress: (done: number) => void,
    ): R<LeadImportReport>;
  };
  opportunity: {
    update(id: string, patch: OpportunityPatch): R<Opportunity>;
    editLines(id: string, edit: CommandLineEdit): R<Opportunity>;
    setRevenueMode(
      id: string,
      mode: { mode: 'system' } | { mode: 'user'; estimatedRevenue: number },
    ): R<Opportunity>;
    moveStage(id: string, stage: OpportunityStage): R<Opportunity>;
    closeAsWon(
      id: string,
      input: { actualRevenue?: number; actualCloseDate?: string; closeDescription?: string },
    ): R<Opportunity>;
    closeAsLost(
      id: string,
      input: {
        status: 'canceled' | 'out_sold';
        competitor?: string;
        actualCloseDate?: string;
        closeDescription?: string;
      },
    ): R<Opportunity>;
    reopen(id: string): R<Opportunity>;
  };
  quote: {
    createFromOpportunity(opportunityId: string): R<Quote>;
    update(id: string, patch: QuotePatch): R<Quote>;
    editLines(id: string, edit: CommandLineEdit): R<Quote>;
    activate(id: string): R<Quote>;
    revise(id: string): R<Quote>;
    close(id: string, status: 'lost' | 'canceled'): R<Quote>;
    createOrder(
      id: string,
      options: { closeOpportunity: boolean; customerReference?: string },
    ): R<Order>;
    remove(id: string): R<string>;
  };
  order: {
    lockPrices(id: string): R<Order>;
    /** The customer's purchase order number, before the order is invoiced. */
    setCustomerReference(id: string, customerReference: string): R<Order>;
    fulfil(id: string): R<Order>;
    cancel(id: string): R<Order>;
    createInvoice(id: string): R<Invoice>;
  };
  account: {
    update(id: string, patch: AccountPatch): R<Account>;
  };
  contact: {
    update(id: string, patch: ContactPatch): R<Contact>;
    withdrawConsent(id: string, how: WithdrawalChannel): R<Contact>;
  };
  invoice: {
    /** One click: a payment of the whole open balance, today. */
    markPaid(id: string): R<Invoice>;
    recordPayment(id: string, payment: RecordPaymentInput): R<Invoice>;
    /** Cancels the invoice in full or in part by issuing a credit note. */
    issueCreditNote(id: string, input: CreditNoteInput): R<CreditNoteIssued>;
  };
  activity: {
    create(input: NewActivity): R<Activity>;
    complete(id: string): R<Activity>;
    remove(id: string): R<string>;
  };
  record: {
    /** A manager gives a lead, account or opportunity to another seller of the team. */
    reassign(
      type: 'lead' | 'account' | 'opportunity',
      id: string,
      toUserId: string,
    ): R<{ id: string; ownerId: string }>;
  };
  tradeFair: {
    create(input: TradeFairInput): R<TradeFair>;
    update(id: string, patch: TradeFairPatch): R<TradeFair>;
  };
};

export type SyncPort = {
  status$: Observable<SyncStatus>;
  syncNow(): R<void>;
  retry(collection: string, id: string): R<void>;
  discard(collection: string, id: string): R<void>;
};

/** This device as the server knows it: a label the seller may change, and its series. */
export type DeviceLabel = { name: string; series: string };

export type DevicePort = {
  current(): DeviceLabel;
  /** Renames the device on the server (needs a connection); the series stays. */
  rename(name: string): R<DeviceLabel>;
};

/** Signed out, or refused: changes still waiting to be sent, and changes the office refused. */
export type SignOutOutcome = { ok: true } | { ok: false; pending: number; rejected: number };

/** The app lock: the password is checked on the device, so it opens offline. */
export type LockPort = {
  /** False for a session signed in before the lock kept a password check. */
  canUnlockOffline(): Promise<boolean>;
  unlock(password: string): Promise<PasswordVerdict>;
};

export type AppServices = {
  user: SessionUser;
  /** The office administration API (admin role; the server checks every call). */
  office: OfficeAdminClient;
  queries: StoreQueries;
  commands: StoreCommands;
  sync: SyncPort;
  device: DevicePort;
  lock: LockPort;
  /**
   * Signs out and removes the seller's store and keys from the device. Refuses while changes
   * have not reached the office, unless the seller chose to discard them.
   */
  signOut(options?: { discardUnsynced?: boolean }): Promise<SignOutOutcome>;
};
