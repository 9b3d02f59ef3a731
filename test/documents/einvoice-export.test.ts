// Every invoice the lifecycle tests reach and 200 generated ones (mixed rates, zero-rated
// and exempt lines, discounts, freight, foreign customers), with credit notes, exported as
// FatturaPA and (for foreign customers) UBL, validate against the official schemas and the
// arithmetic business rules. Needs Debian's xmllint (libxml2-utils).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCompany, generateDataset, generateEInvoiceSamples } from '../../shared/dataset';
import { commandSequences, runWalk } from '../../shared/domain/command-walk';
import type { Command } from '../../shared/domain/command-walk';
import { computeTotals, lineAmount } from '../../shared/domain/money';
import type { Account, Invoice } from '../../shared/domain/records';
import { eInvoiceOf } from '../../shared/documents/einvoice';
import { buildFatturaPa } from '../../shared/documents/fatturapa';
import { buildUbl } from '../../shared/documents/ubl';
import { en16931Violations, sdiViolations } from './xml-rules';
import { invalid, schemas, validateAll, writeDocuments } from './xmllint';

const vatRates = generateDataset({ seed: 1, leads: 0, activities: 0 }).refdata.filter(
  (r) => r.kind === 'vat_rate',
);

const walkAccount: Account = {
  id: 'acc',
  ownerId: 'user-seller',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'user-seller',
  name: "Cantina Ferrari & Figli S.r.l. – Località Sant'Ambrogio",
  vatNumber: 'IT09345612031',
  taxCode: '09345612031',
  address: {
    street: 'Via dei Vigneti 12',
    city: 'Negrar',
    postalCode: '37024',
    province: 'VR',
    country: 'IT',
  },
  email: 'amministrazione@cantinaferrari.it',
  phone: '+39 045 601 2345',
  website: '',
  industry: 'Vino',
  sdiCode: 'M5UXCR1',
  pec: '',
  originatingLeadId: null,
  searchTerms: [],
};

type Exported = { label: string; fatturapa: string; ubl: string | null; credit: boolean };

const exportOf = (label: string, invoice: Invoice, account: Account): Exported => {
  const input = eInvoiceOf({ invoice, account, company: demoCompany, vatRates });
  if (!input.ok) throw new Error(`${label}: ${input.error.message.en}`);
  const fatturapa = buildFatturaPa(input.value);
  if (!fatturapa.ok) throw new Error(`${label}: ${fatturapa.error.message.en}`);
  const foreign = account.address.country !== 'IT';
  const ubl = foreign ? buildUbl(input.value) : null;
  if (ubl && !ubl.ok) throw new Error(`${label}: ${ubl.error.message.en}`);
  return {
    label,
    fatturapa: fatturapa.value.xml,
    ubl: ubl && ubl.ok ? ubl.value.xml : null,
    credit: input.value.document.kind === 'creditNote',
  };
};

/** A credit note for an invoice: all of it, or half the quantity of its first line. */
const creditNoteOf = (invoice: Invoice, seq: number, partial: boolean): Invoice => {
  const year = invoice.issueDate.slice(0, 4);
  const series = invoice.number.split('/')[2] ?? 'XX';
  const lines = partial
    ? invoice.lines.slice(0, 1).map((l) => {
        const quantity = Math.max(0.25, Math.round(l.quantity * 2) / 4);
        return { ...l, quantity, discount: 0, amount: lineAmount(l.unitPrice, quantity, 0) };
      })
    : invoice.lines;
  const headerDiscount = partial ? null : invoice.headerDiscount;
  const freight = partial ? 0 : invoice.freight;
  const note = {
    ...invoice,
    id: `${invoice.id}-nc`,
    number: `NC/${year}/${series}/${String(seq).padStart(5, '0')}`,
    lines,
    headerDiscount,
    freight,
    totals: computeTotals({
      lines,
      headerDiscount,
      freight,
      freightVatRate: invoice.freightVatRate,
    }),
    documentType: 'creditNote' as const,
    correctedInvoiceId: invoice.id,
    correctedInvoiceNumber: invoice.number,
    correctedInvoiceDate: invoice.issueDate,
  };
  return note;
};

const lifecycleInvoices = (): Invoice[] => {
  const happyPath: Command[] = [
    'createQuote',
    'editDraft',
    'activate',
    'createOrder',
    'fulfil',
    'createInvoice',
    'pay',
  ].map((name) => ({ name, pick: 3 }) as Command);
  // The same walks as the lifecycle property test (its seed and number of runs).
  const walks = [happyPath, ...fc.sample(commandSequences(), { numRuns: 150, seed: 20260501 })];
  return walks.flatMap((commands) => runWalk(commands).store.all('invoice'));
};

describe('e-invoice export', () => {
  it('validates every lifecycle and generated invoice and credit note against FatturaPA, UBL 2.1 and the business rules', () => {
    const lifecycle = lifecycleInvoices();
    expect(lifecycle.length).toBeGreaterThan(20);
    const samples = generateEInvoiceSamples(2026, 200);
    const accountOf = new Map(samples.accounts.map((a) => [a.id, a]));
    const exported: Exported[] = [
      ...lifecycle.map((inv, i) => exportOf(`lifecycle ${i} ${inv.number}`, inv, walkAccount)),
      ...samples.invoices.map((inv) =>
        exportOf(inv.number, inv, accountOf.get(inv.accountId ?? '') as Account),
      ),
      ...samples.invoices
        .filter((_, i) => i % 5 === 0)
        .map((inv, i) => {
          const note = creditNoteOf(inv, i + 1, i % 2 === 1);
          return exportOf(note.number, note, accountOf.get(inv.accountId ?? '') as Account);
        }),
      ...lifecycle
        .slice(0, 3)
        .map((inv, i) =>
          exportOf(`lifecycle credit ${i}`, creditNoteOf(inv, i + 1, false), walkAccount),
        ),
    ];

    // The generated set has what the export must handle.
    const all = samples.invoices;
    expect(all.filter((i) => i.lines.some((l) => l.vatRate === 0)).length).toBeGreaterThan(20);
    expect(
      all.filter((i) => new Set(i.totals.vat.map((v) => v.rate)).size > 1).length,
    ).toBeGreaterThan(20);
    expect(all.filter((i) => i.totals.discountTotal > 0).length).toBeGreaterThan(20);
    expect(all.filter((i) => i.lines.some((l) => l.discount > 0)).length).toBeGreaterThan(20);
    expect(all.filter((i) => i.freight > 0).length).toBeGreaterThan(20);
    const foreignInvoices = exported.filter((e) => e.ubl !== null && !e.credit);
    const foreignCredits = exported.filter((e) => e.ubl !== null && e.credit);
    expect(foreignInvoices.length).toBeGreaterThan(30);
    expect(foreignCredits.length).toBeGreaterThan(3);
    const fpa = exported.map((e) => e.fatturapa);
    expect(fpa.filter((x) => x.includes('<Natura>N3.1</Natura>')).length).toBeGreaterThan(0);
    expect(fpa.filter((x) => x.includes('<Natura>N3.2</Natura>')).length).toBeGreaterThan(0);
    expect(fpa.filter((x) => x.includes('<Natura>N4</Natura>')).length).toBeGreaterThan(0);
    expect(
      fpa.filter(
        (x) =>
          x.includes('<TipoDocumento>TD04</TipoDocumento><Divisa>') &&
          x.includes('<DatiFattureCollegate><IdDocumento>INV/'),
      ).length,
    ).toBe(exported.filter((e) => e.credit).length);

    // One deliberately broken document per schema, in the same runs: validation can fail.
    const good = fpa[0] ?? '';
    const brokenFpa = good.replace(/<CodiceDestinatario>[^<]*<\/CodiceDestinatario>/, '');
    const brokenUbl = (foreignInvoices[0]?.ubl ?? '').replace(
      /<cbc:IssueDate>/,
      '<cbc:IssueDate>x',
    );
    const fpaFiles = writeDocuments('fatturapa', [...fpa, brokenFpa]);
    const ublFiles = writeDocuments('ubl', [...foreignInvoices.map((e) => e.ubl ?? ''), brokenUbl]);
    const cnFiles = writeDocuments(
      'ubl-cn',
      foreignCredits.map((e) => e.ubl ?? ''),
    );

    const fpaVerdicts = validateAll(schemas.fatturapa, fpaFiles);
    const ublVerdicts = validateAll(schemas.ublInvoice, ublFiles);
    const cnVerdicts = validateAll(schemas.ublCreditNote, cnFiles);
    const brokenFpaFile = fpaFiles.at(-1) as string;
    const brokenUblFile = ublFiles.at(-1) as string;
    expect(fpaVerdicts.get(brokenFpaFile)?.valid).toBe(false);
    expect(fpaVerdicts.get(brokenFpaFile)?.errors.join(' ')).toMatch(/CodiceDestinatario/);
    expect(ublVerdicts.get(brokenUblFile)?.valid).toBe(false);
    fpaVerdicts.delete(brokenFpaFile);
    ublVerdicts.delete(brokenUblFile);
    expect(invalid(fpaVerdicts)).toEqual([]);
    expect(invalid(ublVerdicts)).toEqual([]);
    expect(invalid(cnVerdicts)).toEqual([]);
    expect(fpaVerdicts.size).toBeGreaterThan(240);

    // The rules the schemas cannot check, on every document.
    const ruleBreaks = exported.flatMap((e) => [
      ...sdiViolations(e.fatturapa).map((r) => `${e.label} FatturaPA ${r}`),
      ...(e.ubl ? en16931Violations(e.ubl).map((r) => `${e.label} UBL ${r}`) : []),
    ]);
    expect(ruleBreaks).toEqual([]);
  });

  it('has rule checks that catch a wrong VAT amount', () => {
    const samples = generateEInvoiceSamples(7, 40);
    const accountOf = new Map(samples.accounts.map((a) => [a.id, a]));
    const taxed = samples.invoices.find((i) => i.totals.vatTotal > 0) as Invoice;
    const input = eInvoiceOf({
      invoice: taxed,
      account: accountOf.get(taxed.accountId ?? '') as Account,
      company: demoCompany,
      vatRates,
    });
    if (!input.ok) throw new Error(input.error.message.en);
    const built = buildUbl(input.value);
    const fatturapa = buildFatturaPa(input.value);
    if (!built.ok || !fatturapa.ok) throw new Error('not built');
    expect(en16931Violations(built.value.xml)).toEqual([]);
    expect(sdiViolations(fatturapa.value.xml)).toEqual([]);
    const ubl = built.value.xml.replace(
      /(<cac:TaxSubtotal><cbc:TaxableAmount currencyID="\w+">[^<]*<\/cbc:TaxableAmount><cbc:TaxAmount currencyID="\w+">)(\d+)/,
      (_m, head: string, units: string) => `${head}${Number(units) + 1}`,
    );
    expect(en16931Violations(ubl)).toEqual(
      expect.arrayContaining(['BR-CO-14', expect.stringMatching(/^BR-[A-Z]+-09$/)]),
    );
    const fpa = fatturapa.value.xml.replace(
      /<Imposta>(\d+)/,
      (_m, units: string) => `<Imposta>${Number(units) + 1}`,
    );
    expect(sdiViolations(fpa)).toEqual(expect.arrayContaining(['00421', 'total']));
  });
});
