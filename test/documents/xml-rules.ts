// Business rules the schemas cannot express, checked on the XML the builders write: the
// EN 16931 arithmetic and VAT-category rules (the official schematron is not available
// offline) and the SdI checks on FatturaPA amounts. Each returns the rules broken.

// The builders write compact XML without mixed content, so plain patterns find the values.
const blocks = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>(.*?)</${tag}>`, 'gs'))].map((m) => m[1] ?? '');
const first = (xml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)?.[1];
const cents = (text: string | undefined): number => Math.round(Number(text ?? 'NaN') * 100);
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const roundHalfUp = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));
// quantity × price in cents, exactly (as shared/domain/money.ts): 9.75 × 3.30 is 32.175,
// which binary floating point would round down.
const lineCents = (quantity: number, price: number): number => {
  const product = BigInt(Math.round(quantity * 1e6)) * BigInt(Math.round(price * 1e4));
  const half = product < 0n ? -50_000_000n : 50_000_000n;
  return Number((product + half) / 100_000_000n);
};

export const en16931Violations = (xml: string): string[] => {
  const broken: string[] = [];
  const rule = (id: string, holds: boolean) => {
    if (!holds) broken.push(id);
  };
  const credit = xml.includes('<CreditNote ');
  const lineTag = credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
  const lines = blocks(xml, lineTag);
  const header = xml.replace(new RegExp(`<${lineTag}>.*?</${lineTag}>`, 'gs'), '');
  const total = blocks(header, 'cac:LegalMonetaryTotal')[0] ?? '';
  const docAdjustments = blocks(header, 'cac:AllowanceCharge');
  const allowances = docAdjustments.filter((a) => a.includes('>false<'));
  const charges = docAdjustments.filter((a) => a.includes('>true<'));
  rule('BR-01', first(header, 'cbc:CustomizationID') !== undefined);
  rule('BR-02', first(header, 'cbc:ID') !== undefined);
  rule('BR-03', /^\d{4}-\d{2}-\d{2}$/.test(first(header, 'cbc:IssueDate') ?? ''));
  rule(
    'BR-04',
    first(header, credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode') !== undefined,
  );
  rule('BR-05', /^[A-Z]{3}$/.test(first(header, 'cbc:DocumentCurrencyCode') ?? ''));
  const supplier = blocks(header, 'cac:AccountingSupplierParty')[0] ?? '';
  const customer = blocks(header, 'cac:AccountingCustomerParty')[0] ?? '';
  rule('BR-06', first(supplier, 'cbc:RegistrationName') !== undefined);
  rule('BR-07', first(customer, 'cbc:RegistrationName') !== undefined);
  rule('BR-09', /^[A-Z]{2}$/.test(first(supplier, 'cbc:IdentificationCode') ?? ''));
  rule('BR-11', /^[A-Z]{2}$/.test(first(customer, 'cbc:IdentificationCode') ?? ''));
  rule('BR-16', lines.length > 0);
  rule(
    'BR-CO-09',
    /^[A-Z]{2}/.test(first(blocks(supplier, 'cac:PartyTaxScheme')[0] ?? '', 'cbc:CompanyID') ?? ''),
  );
  rule(
    'BR-CO-10',
    sum(lines.map((l) => cents(first(l, 'cbc:LineExtensionAmount')))) ===
      cents(first(total, 'cbc:LineExtensionAmount')),
  );
  const allowanceTotal = sum(allowances.map((a) => cents(first(a, 'cbc:Amount'))));
  const chargeTotal = sum(charges.map((a) => cents(first(a, 'cbc:Amount'))));
  rule('BR-CO-11', allowanceTotal === cents(first(total, 'cbc:AllowanceTotalAmount') ?? '0'));
  rule('BR-CO-12', chargeTotal === cents(first(total, 'cbc:ChargeTotalAmount') ?? '0'));
  rule(
    'BR-CO-13',
    cents(first(total, 'cbc:TaxExclusiveAmount')) ===
      cents(first(total, 'cbc:LineExtensionAmount')) - allowanceTotal + chargeTotal,
  );
  const taxTotal = blocks(header, 'cac:TaxTotal')[0] ?? '';
  const subtotals = blocks(taxTotal, 'cac:TaxSubtotal');
  rule(
    'BR-CO-14',
    cents(first(taxTotal, 'cbc:TaxAmount')) ===
      sum(subtotals.map((s) => cents(first(s, 'cbc:TaxAmount')))),
  );
  rule(
    'BR-CO-15',
    cents(first(total, 'cbc:TaxInclusiveAmount')) ===
      cents(first(total, 'cbc:TaxExclusiveAmount')) + cents(first(taxTotal, 'cbc:TaxAmount')),
  );
  rule(
    'BR-CO-16',
    cents(first(total, 'cbc:PayableAmount')) === cents(first(total, 'cbc:TaxInclusiveAmount')),
  );
  rule(
    'BR-CO-25',
    cents(first(total, 'cbc:PayableAmount')) <= 0 ||
      first(header, 'cbc:DueDate') !== undefined ||
      first(header, 'cbc:PaymentDueDate') !== undefined ||
      first(header, 'cbc:Note') !== undefined,
  );
  // BR-S-08 and its siblings: each category's taxable amount is its lines, less its
  // allowances, plus its charges; its tax is that amount at its rate (zero outside S).
  const key = (cat: string) => `${first(cat, 'cbc:ID')}|${first(cat, 'cbc:Percent')}`;
  const bases = new Map<string, number>();
  const add = (k: string, amount: number) => bases.set(k, (bases.get(k) ?? 0) + amount);
  for (const l of lines)
    add(
      key(blocks(l, 'cac:ClassifiedTaxCategory')[0] ?? ''),
      cents(first(l, 'cbc:LineExtensionAmount')),
    );
  for (const a of allowances)
    add(key(blocks(a, 'cac:TaxCategory')[0] ?? ''), -cents(first(a, 'cbc:Amount')));
  for (const c of charges)
    add(key(blocks(c, 'cac:TaxCategory')[0] ?? ''), cents(first(c, 'cbc:Amount')));
  for (const s of subtotals) {
    const category = blocks(s, 'cac:TaxCategory')[0] ?? '';
    const id = first(category, 'cbc:ID') ?? '?';
    const rate = Number(first(category, 'cbc:Percent'));
    const taxable = cents(first(s, 'cbc:TaxableAmount'));
    const tax = cents(first(s, 'cbc:TaxAmount'));
    rule(`BR-${id}-08`, taxable === (bases.get(key(category)) ?? NaN));
    rule(
      `BR-${id}-09`,
      id === 'S'
        ? tax === roundHalfUp((taxable * rate) / 100) && rate > 0
        : tax === 0 && rate === 0,
    );
    rule(
      `BR-${id}-10`,
      id === 'S' ||
        first(category, 'cbc:TaxExemptionReason') !== undefined ||
        first(category, 'cbc:TaxExemptionReasonCode') !== undefined,
    );
    // BR-S-02, BR-E-02, BR-G-02, BR-IC-02: the seller's VAT identifier; intra-EU, the buyer's too.
    rule(
      `BR-${id === 'K' ? 'IC' : id}-02`,
      /<cac:PartyTaxScheme><cbc:CompanyID>[A-Z]{2}/.test(supplier),
    );
    if (id === 'K') {
      rule('BR-IC-02', /<cac:PartyTaxScheme><cbc:CompanyID>[A-Z]{2}/.test(customer));
      rule('BR-IC-11', first(header, 'cbc:ActualDeliveryDate') !== undefined);
      rule('BR-IC-12', /<cac:DeliveryLocation>.*<cbc:IdentificationCode>[A-Z]{2}</s.test(header));
    }
    bases.delete(key(category));
  }
  rule('BR-CO-18', subtotals.length > 0 && bases.size === 0);
  for (const l of lines) {
    // PEPPOL-EN16931-R120: net = quantity × price − line allowances + line charges.
    const quantity = Number(first(l, credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity'));
    const price = Number(first(l, 'cbc:PriceAmount'));
    const adjustments = blocks(l, 'cac:AllowanceCharge');
    const off = sum(
      adjustments.filter((a) => a.includes('>false<')).map((a) => cents(first(a, 'cbc:Amount'))),
    );
    const on = sum(
      adjustments.filter((a) => a.includes('>true<')).map((a) => cents(first(a, 'cbc:Amount'))),
    );
    rule(
      'PEPPOL-EN16931-R120',
      cents(first(l, 'cbc:LineExtensionAmount')) === lineCents(quantity, price) - off + on,
    );
    rule('BR-26', first(l, 'cbc:PriceAmount') !== undefined && price >= 0);
  }
  rule(
    'BR-61',
    !/<cbc:PaymentMeansCode>(30|58)</.test(header) ||
      /<cac:PayeeFinancialAccount><cbc:ID>[^<]+</.test(header),
  );
  if (credit)
    rule('BR-55', first(blocks(header, 'cac:BillingReference')[0] ?? '', 'cbc:ID') !== undefined);
  return [...new Set(broken)];
};

/** SdI's amount checks (00400/00401 Natura, 00421 VAT, 00422 taxable base, 00423 line total). */
export const sdiViolations = (xml: string): string[] => {
  const broken: string[] = [];
  const rule = (id: string, holds: boolean) => {
    if (!holds) broken.push(id);
  };
  const lines = blocks(xml, 'DettaglioLinee');
  const summaries = blocks(xml, 'DatiRiepilogo');
  for (const l of lines) {
    const price = Number(first(l, 'PrezzoUnitario'));
    const quantity = Number(first(l, 'Quantita') ?? '1');
    const discount = Number(first(blocks(l, 'ScontoMaggiorazione')[0] ?? '', 'Importo') ?? '0');
    const sign = (blocks(l, 'ScontoMaggiorazione')[0] ?? '').includes('<Tipo>MG<') ? -1 : 1;
    rule(
      '00423',
      Math.abs((price - sign * discount) * quantity - Number(first(l, 'PrezzoTotale'))) <=
        0.01 + 1e-9,
    );
    const zero = Number(first(l, 'AliquotaIVA')) === 0;
    rule(zero ? '00400' : '00401', zero === (first(l, 'Natura') !== undefined));
  }
  for (const s of summaries) {
    const rate = first(s, 'AliquotaIVA');
    const natura = first(s, 'Natura');
    const own = lines.filter(
      (l) => first(l, 'AliquotaIVA') === rate && first(l, 'Natura') === natura,
    );
    const base = cents(first(s, 'ImponibileImporto'));
    rule('00422', base === sum(own.map((l) => cents(first(l, 'PrezzoTotale')))));
    rule('00421', cents(first(s, 'Imposta')) === roundHalfUp((base * Number(rate)) / 100));
  }
  const total = cents(first(xml, 'ImportoTotaleDocumento'));
  rule(
    'total',
    total ===
      sum(summaries.map((s) => cents(first(s, 'ImponibileImporto')) + cents(first(s, 'Imposta')))),
  );
  const code = first(xml, 'CodiceDestinatario') ?? '';
  rule('00427', /^[A-Z0-9]{7}$/.test(code));
  rule('00426', first(xml, 'PECDestinatario') === undefined || code === '0000000');
  return [...new Set(broken)];
};
