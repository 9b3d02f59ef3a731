// Record schemas of DESIGN.md §2: one zod schema per record is the single source of truth
// for the TypeScript type, the RxDB JSON schema (see rx-schemas.ts) and server validation.
import { z } from 'zod';
import { stateNames, statusNames } from './lifecycle-kit';
import {
  activityLifecycle,
  invoiceLifecycle,
  leadLifecycle,
  opportunityLifecycle,
  orderLifecycle,
  quoteLifecycle,
} from './lifecycle-tables';

/** Identifiers are UUIDv7 strings generated on the device (see ids.ts). */
export const idSchema = z.string().min(1).max(64);
/** ISO 8601 instant, e.g. 2026-11-30T10:15:00.000Z. */
export const instantSchema = z.string().min(20).max(30);
/** Calendar date, YYYY-MM-DD. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
/** Integer amount in minor units (cents). */
export const minorSchema = z.number().int().min(-1e13).max(1e13);
/** Rate in basis points (22% = 2200). */
export const basisPointsSchema = z.number().int().min(0).max(10000);
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
const text = (max: number) => z.string().max(max);

export const recordTypes = [
  'lead',
  'account',
  'contact',
  'opportunity',
  'quote',
  'order',
  'invoice',
  'activity',
  'product',
  'pricelist',
  'refdata',
  'tradefair',
] as const;
export type RecordType = (typeof recordTypes)[number];

/** Fields every record carries. */
export const auditFields = {
  id: idSchema,
  ownerId: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  updatedBy: idSchema,
};

export const addressSchema = z
  .object({
    street: text(200).optional(),
    city: text(100).optional(),
    postalCode: text(20).optional(),
    province: text(50).optional(),
    country: text(2).optional(),
  })
  .strict();
export type Address = z.infer<typeof addressSchema>;

// ---- lead ----------------------------------------------------------------
export const leadSources = ['trade_fair', 'web', 'email', 'referral', 'other'] as const;
export const leadRatings = ['hot', 'warm', 'cold'] as const;
// States and status reasons come from the lifecycle tables (lifecycle-tables.ts).
export const leadStates = stateNames(leadLifecycle);
export const leadOpenStatuses = statusNames(leadLifecycle, 'open');
export const leadDisqualifyReasons = statusNames(leadLifecycle, 'disqualified');
export const leadStatuses = statusNames(leadLifecycle);
export const purchaseTimeframes = [
  'immediate',
  'this_quarter',
  'next_quarter',
  'this_year',
  'unknown',
] as const;

export const consentSchema = z
  .object({
    given: z.boolean(),
    at: instantSchema.nullable(),
    how: text(100).nullable(),
    wording: text(2000).nullable(),
  })
  .strict();
export type Consent = z.infer<typeof consentSchema>;

/** One answer to a fair's qualifying question (see tradeFairSchema), by question id. */
export const fairAnswerSchema = z
  .object({
    questionId: idSchema,
    /** yes/no: boolean; number: number; text and one choice: string; several: strings. */
    value: z.union([
      z.boolean(),
      z.number().min(-1e13).max(1e13),
      text(2000),
      z.array(text(100)).max(30),
    ]),
  })
  .strict();
export type FairAnswer = z.infer<typeof fairAnswerSchema>;

export const leadSchema = z
  .object({
    ...auditFields,
    topic: text(200),
    firstName: text(100),
    lastName: text(100),
    company: text(200),
    jobTitle: text(100),
    email: text(254),
    phone: text(40),
    mobile: text(40),
    website: text(200),
    address: addressSchema,
    vatNumber: text(30),
    source: z.enum(leadSources),
    sourceDetail: text(200),
    rating: z.enum(leadRatings),
    budget: minorSchema.nullable(),
    budgetCurrency: currencySchema,
    purchaseTimeframe: z.enum(purchaseTimeframes),
    decisionMaker: z.boolean().nullable(),
    need: text(2000),
    consent: consentSchema,
    notes: text(10000),
    state: z.enum(leadStates),
    status: z.enum(leadStatuses),
    /** Lower-cased, accent-free words of name, company, email and phone for prefix search. */
    searchTerms: z.array(text(100)).max(40),
    qualifiedAccountId: idSchema.nullable(),
    qualifiedContactId: idSchema.nullable(),
    qualifiedOpportunityId: idSchema.nullable(),
    /** The trade fair the lead was captured at (fair mode), or null. */
    tradeFairId: idSchema.nullable(),
    /** Answers to that fair's qualifying questions. */
    fairAnswers: z.array(fairAnswerSchema).max(30),
  })
  .strict();
export type Lead = z.infer<typeof leadSchema>;
export type LeadStatus = Lead['status'];
export type LeadDisqualifyReason = (typeof leadDisqualifyReasons)[number];

// ---- account / contact ---------------------------------------------------
export const documentLanguages = ['it', 'en'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

export const accountSchema = z
  .object({
    ...auditFields,
    name: text(200).min(1),
    vatNumber: text(30),
    taxCode: text(30),
    address: addressSchema,
    email: text(254),
    phone: text(40),
    website: text(200),
    industry: text(100),
    /** SDI recipient code (7 chars) or PEC address for Italian e-invoicing. */
    sdiCode: text(7),
    pec: text(254),
    /** Where goods go when it is not the billing `address`; empty when the same. */
    shippingAddress: addressSchema,
    /** Language of the quotes, orders and invoices sent to the customer. */
    documentLanguage: z.enum(documentLanguages),
    originatingLeadId: idSchema.nullable(),
    searchTerms: z.array(text(100)).max(40),
  })
  .strict();
export type Account = z.infer<typeof accountSchema>;

export const contactSchema = z
  .object({
    ...auditFields,
    accountId: idSchema.nullable(),
    firstName: text(100),
    lastName: text(100),
    jobTitle: text(100),
    email: text(254),
    phone: text(40),
    mobile: text(40),
    originatingLeadId: idSchema.nullable(),
    searchTerms: z.array(text(100)).max(40),
    /** GDPR consent of the person (v1); absent on contacts written before it was kept. */
    consent: consentSchema.optional(),
  })
  .strict();
export type Contact = z.infer<typeof contactSchema>;

// ---- lines and totals ------------------------------------------------------
/** A line of an opportunity, quote, order or invoice; embedded with a stable id. */
export const lineSchema = z
  .object({
    id: idSchema,
    /** Catalog product, or null for a write-in product. */
    productId: idSchema.nullable(),
    sku: text(64),
    name: text(200).min(1),
    description: text(2000),
    unit: text(20),
    quantity: z.number().positive().max(1e9),
    /** Unit price in minor units of the document's currency. */
    unitPrice: minorSchema,
    /** Manual line discount, an amount in minor units. */
    discount: minorSchema,
    vatRate: basisPointsSchema,
    /** round-half-up(unitPrice × quantity) − discount. */
    amount: minorSchema,
  })
  .strict();
export type Line = z.infer<typeof lineSchema>;

export const headerDiscountSchema = z
  .object({ kind: z.enum(['percent', 'amount']), value: z.number().int().min(0).max(1e13) })
  .strict();
export type HeaderDiscount = z.infer<typeof headerDiscountSchema>;

export const vatBreakdownSchema = z
  .object({ rate: basisPointsSchema, base: minorSchema, tax: minorSchema })
  .strict();
export type VatBreakdown = z.infer<typeof vatBreakdownSchema>;

/** Document totals; always consistent: grandTotal = taxableTotal + vatTotal. */
export const totalsSchema = z
  .object({
    /** Sum of line amounts. */
    linesTotal: minorSchema,
    /** Header discount as an amount. */
    discountTotal: minorSchema,
    freight: minorSchema,
    /** linesTotal − discountTotal + freight. */
    taxableTotal: minorSchema,
    vat: z.array(vatBreakdownSchema).max(20),
    vatTotal: minorSchema,
    grandTotal: minorSchema,
  })
  .strict();
export type Totals = z.infer<typeof totalsSchema>;

const documentCommercialFields = {
  currency: currencySchema,
  priceListId: idSchema.nullable(),
  lines: z.array(lineSchema).max(500),
};

// ---- opportunity -----------------------------------------------------------
export const opportunityStages = ['qualify', 'develop', 'propose', 'close'] as const;
export const opportunityStates = stateNames(opportunityLifecycle);
export const opportunityStatuses = statusNames(opportunityLifecycle);
export type OpportunityStage = (typeof opportunityStages)[number];
/** Forecast categories a person may pick for an open opportunity (see forecast.ts). */
export const openForecastCategories = ['pipeline', 'best_case', 'commit', 'omitted'] as const;

export const opportunitySchema = z
  .object({
    ...auditFields,
    number: text(40),
    topic: text(200).min(1),
    accountId: idSchema.nullable(),
    contactId: idSchema.nullable(),
    originatingLeadId: idSchema.nullable(),
    ...documentCommercialFields,
    revenueMode: z.enum(['system', 'user']),
    estimatedRevenue: minorSchema,
    estimatedCloseDate: dateSchema.nullable(),
    probability: z.number().int().min(0).max(100),
    rating: z.enum(leadRatings),
    stage: z.enum(opportunityStages),
    state: z.enum(opportunityStates),
    status: z.enum(opportunityStatuses),
    actualRevenue: minorSchema.nullable(),
    actualCloseDate: dateSchema.nullable(),
    competitor: text(200),
    closeDescription: text(2000),
    searchTerms: z.array(text(100)).max(40),
    /** The forecast category someone picked; null follows stage and probability. */
    forecastCategory: z.enum(openForecastCategories).nullable(),
  })
  .strict();
export type Opportunity = z.infer<typeof opportunitySchema>;

// ---- quote -----------------------------------------------------------------
export const quoteStates = stateNames(quoteLifecycle);
export const quoteStatuses = statusNames(quoteLifecycle);

export const quoteSchema = z
  .object({
    ...auditFields,
    number: text(40),
    /** Revision of the quote (0 first). Not `revision`: RxDB reserves that document property. */
    revisionNumber: z.number().int().min(0).max(1000),
    name: text(200),
    opportunityId: idSchema.nullable(),
    accountId: idSchema.nullable(),
    contactId: idSchema.nullable(),
    ...documentCommercialFields,
    headerDiscount: headerDiscountSchema.nullable(),
    freight: minorSchema,
    freightVatRate: basisPointsSchema,
    totals: totalsSchema,
    validFrom: dateSchema.nullable(),
    validTo: dateSchema.nullable(),
    paymentTerms: text(500),
    deliveryTerms: text(500),
    state: z.enum(quoteStates),
    status: z.enum(quoteStatuses),
    /** The quote this one revises (revisionNumber − 1), if any. */
    previousQuoteId: idSchema.nullable(),
  })
  .strict();
export type Quote = z.infer<typeof quoteSchema>;

// ---- order -----------------------------------------------------------------
export const orderStates = stateNames(orderLifecycle);
export const orderStatuses = statusNames(orderLifecycle);

export const orderSchema = z
  .object({
    ...auditFields,
    number: text(40),
    name: text(200),
    quoteId: idSchema.nullable(),
    opportunityId: idSchema.nullable(),
    accountId: idSchema.nullable(),
    ...documentCommercialFields,
    headerDiscount: headerDiscountSchema.nullable(),
    freight: minorSchema,
    freightVatRate: basisPointsSchema,
    totals: totalsSchema,
    pricesLocked: z.boolean(),
    requestedDeliveryDate: dateSchema.nullable(),
    fulfilledDate: dateSchema.nullable(),
    /** The customer's purchase order number (FatturaPA IdDocumento allows 20 characters). */
    customerReference: text(20),
    state: z.enum(orderStates),
    status: z.enum(orderStatuses),
  })
  .strict();
export type Order = z.infer<typeof orderSchema>;

// ---- invoice ---------------------------------------------------------------
// A credit note (FatturaPA TD04) is an invoice record that is `issued` once and never changes.
export const invoiceStates = stateNames(invoiceLifecycle);
export const invoiceStatuses = statusNames(invoiceLifecycle);
export const invoiceDocumentTypes = ['invoice', 'creditNote'] as const;
export type InvoiceDocumentType = (typeof invoiceDocumentTypes)[number];
export const paymentMethods = ['bank_transfer', 'card', 'cash', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** A payment received against an invoice; embedded, with a stable id. */
export const paymentSchema = z
  .object({
    id: idSchema,
    date: dateSchema,
    method: z.enum(paymentMethods),
    amount: minorSchema.positive(),
  })
  .strict();
export type Payment = z.infer<typeof paymentSchema>;

/** What a credit note took off an invoice: quantities per invoice line, freight, amount. */
export const creditAppliedSchema = z
  .object({
    creditNoteId: idSchema,
    number: text(40),
    issueDate: dateSchema,
    /** The credit note's grand total. */
    amount: minorSchema.nonnegative(),
    freight: minorSchema.nonnegative(),
    lines: z
      .array(z.object({ lineId: idSchema, quantity: z.number().positive().max(1e9) }).strict())
      .max(500),
  })
  .strict();
export type CreditApplied = z.infer<typeof creditAppliedSchema>;

export const invoiceSchema = z
  .object({
    ...auditFields,
    number: text(40),
    name: text(200),
    orderId: idSchema.nullable(),
    opportunityId: idSchema.nullable(),
    accountId: idSchema.nullable(),
    ...documentCommercialFields,
    headerDiscount: headerDiscountSchema.nullable(),
    freight: minorSchema,
    freightVatRate: basisPointsSchema,
    totals: totalsSchema,
    issueDate: dateSchema,
    dueDate: dateSchema,
    paidDate: dateSchema.nullable(),
    /** The customer's purchase order number, copied from the order. */
    customerReference: text(20),
    state: z.enum(invoiceStates),
    status: z.enum(invoiceStatuses),
    documentType: z.enum(invoiceDocumentTypes),
    /** The invoice a credit note corrects (FatturaPA DatiFattureCollegate); null on invoices. */
    correctedInvoiceId: idSchema.nullable(),
    correctedInvoiceNumber: text(40).nullable(),
    correctedInvoiceDate: dateSchema.nullable(),
    /** Payments received; always empty on a credit note. */
    payments: z.array(paymentSchema).max(200),
    /** Credit notes issued against this invoice; always empty on a credit note. */
    credits: z.array(creditAppliedSchema).max(200),
  })
  .strict();
export type Invoice = z.infer<typeof invoiceSchema>;

// ---- activity --------------------------------------------------------------
export const activityTypes = [
  'note',
  'phone_call',
  'task',
  'email',
  'appointment',
  'system',
] as const;
export const activityStates = stateNames(activityLifecycle);
export const regardingTypes = [
  'lead',
  'account',
  'contact',
  'opportunity',
  'quote',
  'order',
  'invoice',
] as const;
export type RegardingType = (typeof regardingTypes)[number];

export const activitySchema = z
  .object({
    ...auditFields,
    type: z.enum(activityTypes),
    regardingType: z.enum(regardingTypes),
    regardingId: idSchema,
    subject: text(300),
    body: text(20000),
    /** For system events: a stable event code, e.g. `quote.activated`, `sync.conflict`. */
    event: text(60).nullable(),
    /** Event details (from/to state, numbers, the losing value of a conflict…). */
    data: z.record(z.string(), z.unknown()).nullable(),
    due: instantSchema.nullable(),
    completedAt: instantSchema.nullable(),
    state: z.enum(activityStates),
    /** When it happened; the timeline is ordered by this, newest first. */
    occurredAt: instantSchema,
  })
  .strict();
export type Activity = z.infer<typeof activitySchema>;

// ---- catalog ---------------------------------------------------------------
export const productSchema = z
  .object({
    ...auditFields,
    sku: text(64).min(1),
    name: text(200).min(1),
    description: text(2000),
    unit: text(20),
    family: text(100),
    vatRate: basisPointsSchema,
    active: z.boolean(),
    searchTerms: z.array(text(100)).max(40),
  })
  .strict();
export type Product = z.infer<typeof productSchema>;

export const priceListItemSchema = z
  .object({ id: idSchema, productId: idSchema, unit: text(20), unitPrice: minorSchema })
  .strict();
export type PriceListItem = z.infer<typeof priceListItemSchema>;

export const priceListSchema = z
  .object({
    ...auditFields,
    name: text(200).min(1),
    currency: currencySchema,
    validFrom: dateSchema.nullable(),
    validTo: dateSchema.nullable(),
    items: z.array(priceListItemSchema).max(20000),
  })
  .strict();
export type PriceList = z.infer<typeof priceListSchema>;

// ---- office reference data (one collection, discriminated by kind) ---------
export const refdataKinds = [
  'team_member',
  'currency',
  'exchange_rate',
  'vat_rate',
  'numbering',
  /** The office's legal identity (shared/domain/company.ts), key `legal`. */
  'company',
] as const;
export type RefdataKind = (typeof refdataKinds)[number];

export const refdataSchema = z
  .object({
    ...auditFields,
    kind: z.enum(refdataKinds),
    /** Natural key within the kind (user id, ISO code, rate, series). */
    key: text(100),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export type Refdata = z.infer<typeof refdataSchema>;

// ---- trade fair --------------------------------------------------------------
export const fairQuestionKinds = [
  'yes_no',
  'one_choice',
  'several_choices',
  'number',
  'text',
] as const;
export type FairQuestionKind = (typeof fairQuestionKinds)[number];

/** A qualifying question asked at the booth; `options` only for the choice kinds. */
export const fairQuestionSchema = z
  .object({
    id: idSchema,
    kind: z.enum(fairQuestionKinds),
    label: text(200).min(1),
    options: z.array(text(100).min(1)).max(30),
  })
  .strict();
export type FairQuestion = z.infer<typeof fairQuestionSchema>;

/** A trade fair or event: created by the office (everyone sees it) or by a seller. */
export const tradeFairSchema = z
  .object({
    ...auditFields,
    name: text(200).min(1),
    place: text(200),
    // Bounded so the fair list can be indexed by its first day.
    startDate: dateSchema.max(10),
    endDate: dateSchema.max(10),
    booth: text(50),
    questions: z.array(fairQuestionSchema).max(30),
  })
  .strict();
export type TradeFair = z.infer<typeof tradeFairSchema>;

export const recordSchemas = {
  lead: leadSchema,
  account: accountSchema,
  contact: contactSchema,
  opportunity: opportunitySchema,
  quote: quoteSchema,
  order: orderSchema,
  invoice: invoiceSchema,
  activity: activitySchema,
  product: productSchema,
  pricelist: priceListSchema,
  refdata: refdataSchema,
  tradefair: tradeFairSchema,
} as const;

export type RecordOf = {
  lead: Lead;
  account: Account;
  contact: Contact;
  opportunity: Opportunity;
  quote: Quote;
  order: Order;
  invoice: Invoice;
  activity: Activity;
  product: Product;
  pricelist: PriceList;
  refdata: Refdata;
  tradefair: TradeFair;
};
export type AnyRecord = RecordOf[RecordType];

/** Collection names used in RxDB and in the sync URLs (DESIGN.md §4). */
export const collectionNames = {
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  quote: 'quotes',
  order: 'orders',
  invoice: 'invoices',
  activity: 'activities',
  product: 'products',
  pricelist: 'pricelists',
  refdata: 'refdata',
  tradefair: 'tradefairs',
} as const satisfies Record<RecordType, string>;
export type CollectionName = (typeof collectionNames)[RecordType];

export const recordTypeOfCollection = Object.fromEntries(
  Object.entries(collectionNames).map(([type, name]) => [name, type]),
) as Record<CollectionName, RecordType>;

/** Catalog records are authored by the office and read-only for sellers. */
export const catalogTypes: readonly RecordType[] = ['product', 'pricelist', 'refdata'];
